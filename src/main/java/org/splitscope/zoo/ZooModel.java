package org.splitscope.zoo;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;

/**
 * One built-in model as a user picks it: how to build it, where its exits go, and the accuracy
 * its authors (or torchvision) publish, which synthetic exit statistics are calibrated to.
 *
 * @param id                a stable name for files and command lines, e.g. {@code resnet-50}
 * @param title             what a menu shows
 * @param outputs           classes of the final classifier (or the embedding's size)
 * @param publishedAccuracy top-1 accuracy of the final classifier; null for a model that
 *                          outputs an embedding (VGGish), which has none
 */
public record ZooModel(String id, String title, int outputs, Double publishedAccuracy,
                       Supplier<Architecture> architecture, Function<Granularity, List<ExitHead>> exits) {
    /** The profile with units only: no exits. */
    public ModelProfile profile(Granularity granularity) {
        return architecture.get().profile(granularity);
    }

    /** Whether {@link #profileWithSyntheticExits} can calibrate statistics for this model. */
    public boolean hasPublishedAccuracy() {
        return publishedAccuracy != null;
    }

    /**
     * The profile with its exit heads and SYNTHETIC statistics ({@link SyntheticExitStats}, seeded,
     * calibrated to the published accuracy); the profile's description says they are synthetic.
     *
     * @throws IllegalStateException for a model without a published accuracy
     */
    public ModelProfile profileWithSyntheticExits(Granularity granularity, ExitCriterion criterion, long seed,
                                                  int samples) {
        if (!hasPublishedAccuracy()) {
            throw new IllegalStateException(title + " outputs a " + outputs + "-d embedding and has no published "
                    + "accuracy to calibrate exit statistics to; attach measured statistics to its exits instead");
        }
        return new SyntheticExitStats(seed, publishedAccuracy, outputs)
                .attach(profile(granularity), exits.apply(granularity), criterion, samples);
    }
}
