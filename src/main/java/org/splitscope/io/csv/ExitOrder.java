package org.splitscope.io.csv;

import java.util.List;
import org.splitscope.io.Loaded;
import org.splitscope.model.Problems;

/** Matches the exits named in a statistics file with a profile's exits, which may list them in another order. */
final class ExitOrder {
    private ExitOrder() {
    }

    /** For each profile exit in order, its index among the file's exits. */
    static Loaded<int[]> positions(List<String> fileExits, List<String> profileExits) {
        Problems p = new Problems();
        int[] at = new int[profileExits.size()];
        for (int k = 0; k < at.length; k++) {
            at[k] = fileExits.indexOf(profileExits.get(k));
            if (at[k] < 0) {
                p.add("", "the file has no statistics for the profile's exit '" + profileExits.get(k) + "'");
            }
        }
        for (String e : fileExits) {
            if (!profileExits.contains(e)) {
                p.add("", "the file has statistics for exit '" + e + "', but the profile has no such exit (it has: "
                        + String.join(", ", profileExits) + ")");
            }
        }
        return p.isEmpty() ? Loaded.ok(at, List.of()) : Loaded.failed(p.list(), List.of());
    }
}
