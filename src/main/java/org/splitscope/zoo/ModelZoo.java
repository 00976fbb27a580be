package org.splitscope.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every built-in model, in the order a menu lists them: the CIFAR-10 ResNets, then the ImageNet
 * models, then VGGish. The one list the window, the command line and tests enumerate, so that a
 * model added here is offered everywhere.
 */
public final class ModelZoo {
    private static final List<ZooModel> ALL = build();

    private ModelZoo() {
    }

    public static List<ZooModel> all() {
        return ALL;
    }

    /** The model with this id; an unknown id is refused with the list of known ones. */
    public static ZooModel byId(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no built-in model '" + id + "'; known: "
                        + ALL.stream().map(ZooModel::id).collect(Collectors.joining(", "))));
    }

    private static List<ZooModel> build() {
        List<ZooModel> all = new ArrayList<>();
        for (int depth : new int[] {20, 32, 44, 56, 110}) {
            all.add(new ZooModel("cifar-resnet-" + depth, "ResNet-" + depth + " (CIFAR-10)", CifarResNet.CLASSES,
                    CifarResNet.publishedAccuracy(depth), () -> CifarResNet.architecture(depth),
                    g -> CifarResNet.exits(depth, g)));
        }
        for (int depth : new int[] {50, 101, 152}) {
            all.add(new ZooModel("resnet-" + depth, "ResNet-" + depth + " (ImageNet)", ResNet.CLASSES,
                    ResNet.publishedAccuracy(depth), () -> ResNet.architecture(depth), g -> ResNet.exits(depth, g)));
        }
        // torchvision's top-1 for its IMAGENET1K_V1 weights
        all.add(new ZooModel("vgg-16", "VGG-16 (ImageNet)", Vgg16.CLASSES, 0.71592, Vgg16::architecture,
                Vgg16::exits));
        all.add(new ZooModel("mobilenet-v2", "MobileNetV2 (ImageNet)", MobileNetV2.CLASSES, 0.71878,
                MobileNetV2::architecture, MobileNetV2::exits));
        all.add(new ZooModel("efficientnet-b0", "EfficientNet-B0 (ImageNet)", EfficientNetB0.CLASSES,
                EfficientNetB0.PUBLISHED_ACCURACY, EfficientNetB0::architecture, EfficientNetB0::exits));
        all.add(new ZooModel("densenet-121", "DenseNet-121 (ImageNet)", DenseNet121.CLASSES,
                DenseNet121.PUBLISHED_ACCURACY, DenseNet121::architecture, DenseNet121::exits));
        all.add(new ZooModel("inception-v3", "Inception-v3 (ImageNet, 299x299)", InceptionV3.CLASSES,
                InceptionV3.PUBLISHED_ACCURACY, InceptionV3::architecture, InceptionV3::exits));
        all.add(new ZooModel("vggish", "VGGish (AudioSet embedding)", Vggish.EMBEDDING, null, Vggish::architecture,
                Vggish::exits));
        return List.copyOf(all);
    }
}
