package io.formulary.core.numeric;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public static method as the reference evaluation of one spec formula, addressable by its ID.
 *
 * <p>The command line ({@code list}, {@code eval}, {@code vectors}), the golden vectors and the report read this
 * metadata through {@link FormulaCatalogue}, never Javadoc. Exactly one method carries a given ID; overloads and
 * helpers that serve the same formula are left unannotated. Argument names come from the compiled parameter names
 * ({@code -parameters}); {@link #args()} describes each of them once, in declaration order.
 *
 * <p>Shapes use a small vocabulary: {@code scalar}, {@code int}, {@code long}, {@code boolean}, {@code string},
 * {@code vector[d]}, {@code matrix[n][d]}, {@code int[n]}, {@code enum(A|B)}, with symbolic sizes whose equal
 * names must agree.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Formula {

    /** The spec ID, for example {@code "ORTHO-F9"}. */
    String value();

    /** A one-line name of what is computed. */
    String title() default "";

    /** One entry per method parameter, in declaration order. */
    Arg[] args() default {};

    /** Shape and meaning of the result, for example {@code "matrix[d][d]: orthogonal T with T a = b"}. */
    String output() default "";

    /** The accuracy promise in one line (ulps, or relative to a condition number). */
    String accuracy() default "";

    /** Argument metadata: name (must equal the parameter name), shape and domain. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Arg {
        /** The parameter name, as compiled with {@code -parameters}. */
        String name();

        /** The shape, in the vocabulary of {@link Formula}. */
        String shape();

        /** The valid domain in words or symbols, for example {@code "finite, nonzero"}. */
        String domain() default "finite";
    }
}
