package io.formulary.properties;

import java.lang.reflect.InvocationTargetException;
import java.util.function.Supplier;

/**
 * Chooses the implementation that the properties check: the reference by default, or a plugged-in subject.
 *
 * <ul>
 *   <li>{@code -Dformulary.subject.class=<fully qualified class>}: a JVM class with a public no-argument
 *       constructor; it is used for every chapter contract it implements, the reference for the others.</li>
 *   <li>{@code -Dformulary.subject.cmd=<command>}: an external process that answers the {@code eval} protocol on
 *       stdin/stdout; each contract is proxied by {@code ExternalSubjects} (formula IDs come from
 *       {@link Evaluates} on the contract methods).</li>
 * </ul>
 *
 * <p>Property classes obtain their subject once, for example
 * {@code Subjects.of(OrthogonalMapsContract.class, ReferenceOrthogonalMaps::new)}, and also accept a subject in a
 * constructor so the mutant tests can hand them a deliberately wrong one.
 */
public final class Subjects {

    /** System property naming a JVM subject class. */
    public static final String SUBJECT_CLASS = "formulary.subject.class";
    /** System property giving an external eval-protocol command. */
    public static final String SUBJECT_CMD = "formulary.subject.cmd";

    private Subjects() {
    }

    /** The subject for a chapter contract. */
    public static <C> C of(Class<C> contract, Supplier<? extends C> reference) {
        String cls = System.getProperty(SUBJECT_CLASS, "");
        if (!cls.isBlank()) {
            Object candidate = instantiate(cls);
            if (contract.isInstance(candidate)) {
                return contract.cast(candidate);
            }
            return reference.get();
        }
        String cmd = System.getProperty(SUBJECT_CMD, "");
        if (!cmd.isBlank()) {
            return ExternalSubjects.proxy(contract, cmd, reference.get());
        }
        return reference.get();
    }

    /** A short description of the configured subject, for result records. */
    public static String describe() {
        String cls = System.getProperty(SUBJECT_CLASS, "");
        if (!cls.isBlank()) {
            return "class:" + cls;
        }
        String cmd = System.getProperty(SUBJECT_CMD, "");
        if (!cmd.isBlank()) {
            return "cmd:" + cmd;
        }
        return "reference";
    }

    private static Object instantiate(String cls) {
        try {
            return Class.forName(cls).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalArgumentException(SUBJECT_CLASS + ": cannot instantiate " + cls + " (" + e + ")", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(SUBJECT_CLASS + ": constructor of " + cls + " failed: " + e.getCause(), e);
        }
    }
}
