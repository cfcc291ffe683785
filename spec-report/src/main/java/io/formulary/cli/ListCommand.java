package io.formulary.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formulary.core.numeric.FormulaCatalogue;
import io.formulary.core.numeric.FormulaCatalogue.ArgInfo;
import io.formulary.core.numeric.FormulaCatalogue.FormulaInfo;
import io.formulary.core.spec.SpecIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code formulary list}: the catalogue of formulas, as a table or as JSON. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists every formula the oracle evaluates: ID, arguments (name, shape, domain), output, chapter.")
public final class ListCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Write the catalogue as JSON.")
    boolean json;

    @Option(names = "--area", description = "Only this chapter area (for example ORTHO).")
    String area;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SpecIndex index = SpecIndex.load();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode list = mapper.createArrayNode();
            for (FormulaInfo f : FormulaCatalogue.all()) {
                if (area != null && !f.area().equals(area)) {
                    continue;
                }
                ObjectNode node = list.addObject();
                node.put("id", f.id());
                node.put("chapter", f.area());
                node.put("title", title(index, f));
                ArrayNode args = node.putArray("args");
                for (ArgInfo a : f.args()) {
                    args.addObject().put("name", a.name()).put("shape", a.shape()).put("domain", a.domain());
                }
                node.put("output", f.output());
                node.put("accuracy", f.accuracy());
            }
            out.println(mapper.writeValueAsString(list));
        } else {
            String lastArea = null;
            for (FormulaInfo f : FormulaCatalogue.all()) {
                if (area != null && !f.area().equals(area)) {
                    continue;
                }
                if (!f.area().equals(lastArea)) {
                    lastArea = f.area();
                    String chapterTitle = index.chapter(f.area()).map(SpecIndex.Chapter::title).orElse("");
                    out.printf("%n%s  %s%n", f.area(), chapterTitle);
                }
                out.printf("  %-10s %s%n", f.id(), title(index, f));
                for (ArgInfo a : f.args()) {
                    out.printf("  %-10s   %-8s %-16s %s%n", "", a.name(), a.shape(), a.domain());
                }
                if (!f.output().isEmpty()) {
                    out.printf("  %-10s   -> %s%n", "", f.output());
                }
            }
        }
        out.flush();
        return 0;
    }

    private static String title(SpecIndex index, FormulaInfo f) {
        if (!f.title().isEmpty()) {
            return f.title();
        }
        return index.find(f.id()).map(SpecIndex.Entry::title).orElse("");
    }
}
