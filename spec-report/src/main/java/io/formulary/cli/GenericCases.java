package io.formulary.cli;

import io.formulary.core.numeric.FormulaCatalogue.ArgInfo;
import io.formulary.core.numeric.FormulaCatalogue.FormulaInfo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws arguments for a formula from its {@code @Formula} argument metadata alone (shape and domain), for the
 * formulas whose chapter supplies no {@link io.formulary.core.spec.GoldenCaseSource}. Symbolic sizes with equal
 * names agree ({@code vector[d]} and {@code matrix[d][d]} share {@code d}); domains are read for the common
 * constraints (positive, non-negative, unit interval, 0/1 entries, even sizes). A draw the reference rejects is
 * simply redrawn by the caller.
 */
final class GenericCases {

    private static final Pattern SIZES = Pattern.compile("\\[([^\\]]*)]");

    private GenericCases() {
    }

    static Map<String, Object> draw(FormulaInfo f, SplittableRandom rnd) {
        Map<String, Integer> sizes = new HashMap<>();
        Map<String, Object> args = new LinkedHashMap<>();
        for (ArgInfo a : f.args()) {
            args.put(a.name(), value(a, sizes, rnd));
        }
        return args;
    }

    private static Object value(ArgInfo a, Map<String, Integer> sizes, SplittableRandom rnd) {
        Class<?> t = a.type();
        String domain = a.domain().toLowerCase(Locale.ROOT);
        if (t == double.class) {
            return scalar(domain, rnd);
        }
        if (t == int.class || t == long.class) {
            int lo = domain.contains(">= 2") ? 2 : domain.contains(">= 1") || domain.contains("> 0") ? 1 : 0;
            int v = lo + rnd.nextInt(4);
            if (domain.contains("even")) {
                v += v % 2;
            }
            String shape = a.shape();
            if (!shape.equals("int") && !shape.equals("long")) {
                sizes.putIfAbsent(shape, v);
            }
            sizes.putIfAbsent(a.name(), v);
            return t == int.class ? (Object) v : (Object) (long) v;
        }
        if (t == boolean.class) {
            return rnd.nextBoolean();
        }
        if (t.isEnum()) {
            Object[] values = t.getEnumConstants();
            return values[rnd.nextInt(values.length)];
        }
        List<String> dims = dims(a.shape());
        if (t == double[].class) {
            int n = size(dims, 0, sizes, rnd);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = scalar(domain, rnd);
            }
            return v;
        }
        if (t == double[][].class && (domain.contains("spd") || domain.contains("positive definite"))) {
            return spd(size(dims, 0, sizes, rnd), rnd);
        }
        if (t == double[][].class) {
            int n = size(dims, 0, sizes, rnd);
            int m = size(dims, 1, sizes, rnd);
            double[][] v = new double[n][m];
            for (double[] row : v) {
                for (int j = 0; j < m; j++) {
                    row[j] = scalar(domain, rnd);
                }
            }
            return v;
        }
        if (t == int[].class) {
            int n = size(dims, 0, sizes, rnd);
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = 1 + rnd.nextInt(3);
            }
            return v;
        }
        if (t == String.class) {
            return "";
        }
        throw new IllegalStateException("no generic values for " + t.getName());
    }

    /** {@code A A^T / n + I/2}: symmetric bitwise, positive definite, condition number of order 10. */
    private static double[][] spd(int n, SplittableRandom rnd) {
        double[][] a = new double[n][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += a[i][k] * a[j][k];
                }
                v /= n;
                s[i][j] = v + (i == j ? 0.5 : 0);
                s[j][i] = s[i][j];
            }
        }
        return s;
    }

    private static double scalar(String domain, SplittableRandom rnd) {
        if (domain.contains("0/1")) {
            return rnd.nextBoolean() ? 1 : 0;
        }
        if (domain.contains("[0, 1)") || domain.contains("(0, 1)") || domain.contains("[0,1)")) {
            return rnd.nextDouble() * 0.9 + 0.05;
        }
        double g = rnd.nextGaussian();
        if (domain.contains("> 0") || domain.contains("positive") || domain.contains(">= 0")) {
            return Math.abs(g) + 0.1;
        }
        return g;
    }

    private static List<String> dims(String shape) {
        Matcher m = SIZES.matcher(shape);
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }

    private static int size(List<String> dims, int k, Map<String, Integer> sizes, SplittableRandom rnd) {
        String name = k < dims.size() ? dims.get(k) : "n" + k;
        if (name.matches("[0-9]+")) {
            return Integer.parseInt(name);
        }
        return sizes.computeIfAbsent(name, x -> 2 + 2 * rnd.nextInt(3));
    }
}
