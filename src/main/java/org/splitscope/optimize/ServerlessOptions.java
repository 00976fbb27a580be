package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.splitscope.model.Codec;
import org.splitscope.model.Node;
import org.splitscope.model.Problem;
import org.splitscope.model.Problems;
import org.splitscope.model.Topology;

/**
 * What {@link ServerlessSlicing} may choose from (MOPAR's decisions besides the cuts).
 *
 * @param memorySizesMB the platform's memory sizes, in MB (1e6 bytes, as everywhere in the model);
 *                      each function gets one of them, and its speed scales with it
 * @param codecs        the compressions a transfer may use; "no codec" is always allowed besides these
 * @param maxFunctions  the most functions (stages) the model may be cut into, at least 1
 * @param templateNode  id of the topology's serverless node every function is cloned from (its
 *                      pricing, speed at 1,769 MB, cold start, concurrency and links); null picks
 *                      the first serverless node that is neither the source nor the sink
 */
public record ServerlessOptions(List<Integer> memorySizesMB, List<Codec> codecs, int maxFunctions, String templateNode) {
    /**
     * AWS Lambda: any size from 128 MB to 10,240 MB in 1 MB steps. This list samples that range
     * at the sizes people pick (powers of two, 1,769 MB = one vCPU, 3,008 MB = the old maximum,
     * 3,538 MB = two vCPUs, then every GB); pass an explicit list to search finer.
     */
    public static final List<Integer> AWS_LAMBDA_MB = List.of(128, 256, 512, 768, 1024, 1536, 1769, 2048, 3008,
            3538, 4096, 5120, 6144, 7168, 8192, 9216, 10240);

    /**
     * Assumed codecs (replace them with measured figures): fp16+lz4 as in the MOPAR sample
     * (half-precision cast then LZ4: ratio 2.5, 4 ms/MB to encode, 2 ms/MB to decode) and lossless
     * LZ4 alone on fp32 activations (ratio 1.5 from the zeros ReLU leaves, 1.5 ms/MB, 0.7 ms/MB).
     * Lossy codecs may change accuracy; the model does not capture that.
     */
    public static final List<Codec> DEFAULT_CODECS = List.of(
            new Codec("fp16+lz4", 2.5, 0.004, 0.002),
            new Codec("lz4", 1.5, 0.0015, 0.0007));

    /** At most this many functions by default: MOPAR's slicings use a handful. */
    public static final int DEFAULT_MAX_FUNCTIONS = 4;

    public ServerlessOptions {
        memorySizesMB = memorySizesMB == null ? null : List.copyOf(memorySizesMB);
        codecs = codecs == null ? null : List.copyOf(codecs);
    }

    /** The AWS Lambda sizes, the default codecs, up to four functions, the first serverless node as template. */
    public static ServerlessOptions defaults() {
        return new ServerlessOptions(AWS_LAMBDA_MB, DEFAULT_CODECS, DEFAULT_MAX_FUNCTIONS, null);
    }

    public ServerlessOptions withMemorySizesMB(List<Integer> sizes) {
        return new ServerlessOptions(sizes, codecs, maxFunctions, templateNode);
    }

    public ServerlessOptions withCodecs(List<Codec> newCodecs) {
        return new ServerlessOptions(memorySizesMB, newCodecs, maxFunctions, templateNode);
    }

    public ServerlessOptions withMaxFunctions(int functions) {
        return new ServerlessOptions(memorySizesMB, codecs, functions, templateNode);
    }

    public ServerlessOptions withTemplateNode(String id) {
        return new ServerlessOptions(memorySizesMB, codecs, maxFunctions, id);
    }

    /** The template node in this topology, or null when there is none (see {@link #validate}). */
    public Node template(Topology topology) {
        if (templateNode != null) {
            Node n = topology.node(templateNode);
            return n != null && n.isServerless() ? n : null;
        }
        for (Node n : topology.nodes()) {
            if (n.isServerless() && !n.id().equals(topology.source()) && !n.id().equals(topology.sink())) {
                return n;
            }
        }
        return null;
    }

    /** Every problem of these options against the topology, each naming its field. */
    public List<Problem> validate(Topology topology) {
        Problems p = new Problems();
        if (memorySizesMB == null || memorySizesMB.isEmpty()) {
            p.add("memorySizesMB", "give at least one memory size (AWS Lambda: 128 to 10240 MB)");
        } else {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < memorySizesMB.size(); i++) {
                Integer mb = memorySizesMB.get(i);
                if (mb == null || mb <= 0) {
                    p.add("memorySizesMB[" + i + "]", "must be a size in MB > 0, got " + mb);
                } else if (!seen.add(mb)) {
                    p.add("memorySizesMB[" + i + "]", mb + " MB is listed twice");
                }
            }
        }
        if (codecs == null) {
            p.add("codecs", "missing (give an empty list to search without compression)");
        } else {
            for (int i = 0; i < codecs.size(); i++) {
                codec(codecs.get(i), "codecs[" + i + "]", p);
            }
        }
        if (maxFunctions < 1) {
            p.add("maxFunctions", "must be >= 1, got " + maxFunctions);
        }
        template(topology, p);
        return p.list();
    }

    private void template(Topology topology, Problems p) {
        if (templateNode != null) {
            Node n = topology.node(templateNode);
            if (n == null) {
                p.add("templateNode", "no node with id '" + templateNode + "'");
            } else if (!n.isServerless()) {
                p.add("templateNode", "node '" + templateNode + "' is not serverless (give it serverless pricing)");
            } else if (n.id().equals(topology.source()) || n.id().equals(topology.sink())) {
                p.add("templateNode", "node '" + templateNode + "' is the source or the sink; functions are cloned"
                        + " from a node that only runs stages");
            }
        } else if (template(topology) == null) {
            p.add("templateNode", "the topology has no serverless node (other than the source and sink) to clone"
                    + " functions from");
        }
    }

    private static void codec(Codec c, String at, Problems p) {
        if (c == null) {
            p.add(at, "missing");
            return;
        }
        c.validate(at, p); // the same ranges as a codec in a plan, where the chosen one ends up
    }

    /** The choices for one transfer: no codec first, then the listed ones. */
    List<Codec> transferChoices() {
        List<Codec> all = new ArrayList<>();
        all.add(null);
        all.addAll(codecs);
        return all;
    }
}
