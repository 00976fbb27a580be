package org.splitscope.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.splitscope.model.Node;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Stage;
import org.splitscope.optimize.ServerlessSlicingResult;

/** What {@code optimize --method serverless} prints: the functions, their figures, and the comparison with one function. */
final class ServerlessOutput {
    private ServerlessOutput() {
    }

    static void print(ServerlessSlicingResult r, PrintWriter out) {
        out.printf(Locale.ROOT, "Cheapest slicing under the constraints   method: %s%s%n", r.provenance().method(),
                r.provenance().exact() ? " (exact)" : " (NOT exact)");
        for (Stage s : r.scenario().plan().stages()) {
            Node n = r.scenario().topology().node(s.node());
            String memory = n.pricing() instanceof ServerlessPricing p ? String.format(Locale.ROOT, "%.0f MB", p.memoryGB() * 1e3) : "";
            out.printf(Locale.ROOT, "  units %d-%d on %s %s%s%n", s.firstUnit(), s.lastUnit(), s.node(), memory,
                    s.inboundCodec() == null ? "" : ", input compressed with " + s.inboundCodec().name());
        }
        var m = r.metrics();
        out.printf(Locale.ROOT, "  mean %s   p95 %s   cost %s per million%n", Format.ms(m.meanLatency()), Format.ms(m.latency().p95()),
                Format.usd(m.costUsdPerMillion()));
        var u = r.unsplit();
        if (u.exists()) {
            out.printf(Locale.ROOT, "Unsplit (the whole model in one function of %d MB): mean %s, cost %s per million%n", u.memoryMB(),
                    Format.ms(u.metrics().meanLatency()), Format.usd(u.metrics().costUsdPerMillion()));
            Double saving = r.savingPercent();
            if (saving != null) {
                out.printf(Locale.ROOT, "Saving: %.2f %% of the unsplit cost%n", saving);
            }
        } else {
            out.println("Unsplit: not possible (" + u.reason() + ")");
        }
        r.provenance().notes().forEach(n -> out.println("note: " + n));
    }
}
