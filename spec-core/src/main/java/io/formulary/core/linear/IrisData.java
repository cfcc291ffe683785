package io.formulary.core.linear;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fisher's Iris data (150 x 4, classes 50/50/50 in file order), shipped as the resource {@code iris.csv} beside this
 * class; provenance in {@code iris.PROVENANCE.txt} (Debian {@code python3-sklearn} 1.2.1+dfsg-1, the R / scikit-learn
 * version of the data; public domain measurements).
 */
public final class IrisData {

    private IrisData() {
    }

    /** The whole data set in file order. */
    public static SyntheticClasses.Dataset load() {
        try (InputStream in = IrisData.class.getResourceAsStream("iris.csv")) {
            if (in == null) {
                throw new IllegalStateException("iris.csv resource missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            if (header == null || !header.startsWith("150,4,")) {
                throw new IllegalStateException("iris.csv: unexpected header " + header);
            }
            List<double[]> rows = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split(",");
                rows.add(new double[]{Double.parseDouble(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                        Double.parseDouble(c[3])});
                labels.add(Integer.parseInt(c[4].trim()));
            }
            int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
            return new SyntheticClasses.Dataset(rows.toArray(new double[0][]), y);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The chapter's "70/30" split (R5): the first {@code floor(0.7 N_i)} rows of each class, in file order, train;
     * the rest validate. Returns {@code {train, validation}}.
     */
    public static SyntheticClasses.Dataset[] split(SyntheticClasses.Dataset all, int k) {
        double[][] x = all.X();
        int[] y = all.y();
        int[] counts = new int[k];
        for (int v : y) {
            counts[v]++;
        }
        int[] seen = new int[k];
        List<double[]> tx = new ArrayList<>();
        List<double[]> vx = new ArrayList<>();
        List<Integer> ty = new ArrayList<>();
        List<Integer> vy = new ArrayList<>();
        for (int j = 0; j < y.length; j++) {
            if (seen[y[j]]++ < (int) Math.floor(0.7 * counts[y[j]])) {
                tx.add(x[j]);
                ty.add(y[j]);
            } else {
                vx.add(x[j]);
                vy.add(y[j]);
            }
        }
        return new SyntheticClasses.Dataset[]{
                new SyntheticClasses.Dataset(tx.toArray(new double[0][]), ty.stream().mapToInt(Integer::intValue).toArray()),
                new SyntheticClasses.Dataset(vx.toArray(new double[0][]), vy.stream().mapToInt(Integer::intValue).toArray())};
    }
}
