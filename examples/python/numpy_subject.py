#!/usr/bin/env python3
"""A NumPy implementation of a few formulary formulas, speaking the eval protocol on stdin/stdout.

Each input line is a request {"id": .., "fn": "CONTRA-F4", "args": {..}}; each output line is
{"id": .., "ok": true, "value": ..} or {"id": .., "ok": false, "error": {"type": .., "message": ..}}.
This is what `formulary check --subject-cmd` talks to, and what check_golden.py calls directly.

Implemented (chapter CONTRA, contrastive loss): F2 similarities, F3 row-softmax probabilities, F4 loss,
F8 symmetrised probabilities, F9 label vectors. With --wrong, F9 forgets the symmetrisation of P (a classic
slip: htilde_i = 2/tau sum_j (p_ij - t_ij) h_j), which both the golden vectors and the properties catch.
"""
import json
import math
import sys

import numpy as np

WRONG = "--wrong" in sys.argv


class InvalidArgument(Exception):
    pass


def _matrix(value, name):
    a = np.asarray(value, dtype=np.float64)
    if a.ndim != 2 or a.shape[0] == 0 or a.shape[1] == 0:
        raise InvalidArgument(f"{name}: expected a non-empty matrix (array of rows)")
    if not np.all(np.isfinite(a)):
        raise InvalidArgument(f"{name}: entries must be finite")
    return a


def _tau(value):
    tau = float(value)
    if not (math.isfinite(tau) and tau > 0):
        raise InvalidArgument(f"tau: must be finite and > 0, got {tau}")
    return tau


def _partner(value, b, masked):
    p = np.asarray(value, dtype=np.int64)
    if p.shape != (b,) or np.any(p < 0) or np.any(p >= b) or np.any(p[p] != np.arange(b)):
        raise InvalidArgument("partner: not an involution of 0..B-1")
    if masked and np.any(p == np.arange(b)):
        raise InvalidArgument("partner: masked variant requires partner[i] != i")
    return p


def similarity(H, tau):
    return (H @ H.T) / tau


def probabilities(H, tau, masked):
    s = similarity(H, tau)
    if masked:
        np.fill_diagonal(s, -np.inf)
    s = s - s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def loss(H, partner, tau, masked):
    s = similarity(H, tau)
    if masked:
        np.fill_diagonal(s, -np.inf)
    m = s.max(axis=1)
    lse = m + np.log(np.exp(s - m[:, None]).sum(axis=1))
    return float(np.sum(lse - s[np.arange(len(H)), partner]))


def symmetrized(H, partner, tau, masked):
    p = probabilities(H, tau, masked)
    return 0.5 * (p + p.T)


def label_vectors(H, partner, tau, masked):
    p = probabilities(H, tau, masked)
    t = np.zeros_like(p)
    t[np.arange(len(H)), partner] = 1.0
    g = p - t
    if WRONG:
        return 2.0 * g @ H / tau
    return (g + g.T) @ H / tau


def dispatch(fn, args):
    def need(name):
        if name not in args:
            raise KeyError(name)
        return args[name]

    if fn == "CONTRA-F2":
        return similarity(_matrix(need("H"), "H"), _tau(need("tau")))
    H = _matrix(need("H"), "H")
    tau = _tau(need("tau"))
    masked = bool(need("masked"))
    if fn == "CONTRA-F3":
        return probabilities(H, tau, masked)
    partner = _partner(need("partner"), len(H), masked)
    if fn == "CONTRA-F4":
        return loss(H, partner, tau, masked)
    if fn == "CONTRA-F8":
        return symmetrized(H, partner, tau, masked)
    if fn == "CONTRA-F9":
        return label_vectors(H, partner, tau, masked)
    raise LookupError(fn)


def to_json(value):
    """Floats as shortest round-trip decimals (Python's repr); NaN and infinities as the protocol's strings."""
    if isinstance(value, np.ndarray):
        return [to_json(v) for v in value.tolist()] if value.ndim else to_json(value.item())
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
    return value


def answer(line):
    try:
        request = json.loads(line)
    except json.JSONDecodeError as e:
        return {"id": None, "ok": False, "error": {"type": "malformed-json", "message": str(e)}}
    rid = request.get("id") if isinstance(request, dict) else None
    try:
        return {"id": rid, "ok": True, "value": to_json(dispatch(request["fn"], request.get("args", {})))}
    except LookupError as e:
        kind = "missing-argument" if isinstance(e, KeyError) else "unknown-formula"
        return {"id": rid, "ok": False, "error": {"type": kind, "message": f"{e.args[0]}: not available"}}
    except (InvalidArgument, ValueError, TypeError) as e:
        return {"id": rid, "ok": False, "error": {"type": "invalid-argument", "message": str(e)}}


def main():
    for line in sys.stdin:
        if line.strip():
            sys.stdout.write(json.dumps(answer(line), allow_nan=False) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
