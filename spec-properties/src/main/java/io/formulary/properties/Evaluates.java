package io.formulary.properties;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a method of a chapter contract (the interface the properties are written against): the formula ID that the
 * method evaluates. An external subject speaking the {@code eval} protocol receives a request for this ID with the
 * method's parameter names as argument names, so contract parameter names must match the {@code @Formula}
 * argument names of the reference.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Evaluates {
    /** The formula ID, for example {@code "ORTHO-F10"}. */
    String value();
}
