package io.formulary.report;

import java.util.Locale;

/** Number formatting for the report: short, locale-independent, exact about non-finite values. */
final class Numbers {

    private Numbers() {
    }

    /** Three significant digits, scientific outside [1e-3, 1e5). */
    static String short3(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.3g", v);
            if (s.contains(".") && !s.contains("e")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        String s = String.format(Locale.ROOT, "%.2e", v);
        // 1.50e-17 -> 1.5e-17, 2.00e+05 -> 2e5: shorter and still unambiguous.
        String[] parts = s.split("e");
        String mantissa = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
        int exponent = Integer.parseInt(parts[1]);
        return mantissa + "e" + exponent;
    }

    /** A ratio as a percentage, for example {@code 12%}. */
    static String percent(double ratio) {
        if (Double.isNaN(ratio)) {
            return "NaN";
        }
        if (Double.isInfinite(ratio)) {
            return "∞";
        }
        double p = 100 * ratio;
        return (p < 10 ? short3(p) : String.format(Locale.ROOT, "%.0f", p)) + "%";
    }

    /** Milliseconds as text. */
    static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** A count with thousands separators. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
