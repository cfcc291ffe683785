package io.formulary.properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JUnit Jupiter test method as a spec property. Put the property ID on the same method as
 * {@code @Tag("AREA-Pn")} and the statement as {@code @DisplayName("AREA-Pn: ...")}; the
 * {@link PropertyRecorder} extension writes one structured result per property for the report.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@ExtendWith(PropertyRecorder.class)
public @interface Property {
}
