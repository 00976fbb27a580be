package org.splitscope.bench;

/** Temporary: one timed run per case, with the result's notes. */
public final class SampleExitProbe {
    public static void main(String[] args) {
        var profile = PortendSamples.resnet110(Integer.parseInt(args[0]));
        for (int i = 1; i < args.length; i++) {
            boolean whole = args[i].startsWith("whole");
            String f = whole ? args[i].substring(5) : args[i];
            Double floor = f.equals("none") ? null : Double.parseDouble(f);
            var req = PortendSamples.request(profile, floor, 3);
            if (whole) {
                req = req.withSpace(req.space().withPartialModels(false));
            }
            long t0 = System.nanoTime();
            var plans = SampleExitSearchBenchmark.search(req);
            long t1 = System.nanoTime();
            var p = plans.get(0);
            System.out.printf("floor %s: %.1f ms; %s; latency %.4f acc %s exact %s%n  %s%n", args[i], (t1 - t0) / 1e6, p.plan(),
                    p.metrics().meanLatency(), p.metrics().accuracy(), p.provenance().exact(), String.join("\n  ", p.provenance().notes()));
        }
    }
}
