package io.formulary.properties;

/**
 * Proxies a chapter contract onto an external process that answers the {@code eval} protocol.
 *
 * <p>Placeholder of the foundation: the oracle work (the {@code check --subject-cmd} command) implements the
 * process client here. Until then a command subject is rejected with a clear message instead of silently
 * checking the reference.
 */
final class ExternalSubjects {

    private ExternalSubjects() {
    }

    static <C> C proxy(Class<C> contract, String command, C reference) {
        throw new UnsupportedOperationException(Subjects.SUBJECT_CMD + ": external subjects are not supported yet ("
                + contract.getSimpleName() + ", command " + command + ")");
    }
}
