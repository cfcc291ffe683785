package io.formulary.properties.sinusoidal.mutants;

import io.formulary.core.sinusoidal.Layout;
import io.formulary.core.sinusoidal.SinusoidalEncoding;
import io.formulary.properties.sinusoidal.SinusoidalReference;

/**
 * Wrong (erratum 1): the article's roles (H_{2i,2i} on cos*cos) applied in the STANDARD layout, so the
 * product-to-sum side uses c and s swapped and the sign of the (m+n) coefficient flips.
 */
public class ArticleRolesInStandardLayout extends SinusoidalReference {
    @Override
    public SinusoidalEncoding.BilinearForm diagonalBilinear(double m, double n, double[] h, int d, double base,
                                                            Layout layout) {
        SinusoidalEncoding.BilinearForm right = SinusoidalEncoding.diagonalBilinear(m, n, h, d, base, layout);
        if (layout != Layout.STANDARD) {
            return right;
        }
        // the article-layout product-to-sum side with the standard-layout direct side
        SinusoidalEncoding.BilinearForm article = SinusoidalEncoding.diagonalBilinear(m, n, h, d, base, Layout.ARTICLE);
        return new SinusoidalEncoding.BilinearForm(right.direct(), article.relativePart(), article.absolutePart());
    }
}
