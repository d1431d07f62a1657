package org.qualcheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qualcheck.spec.SpecReader;

/**
 * The engine's tests run on the module path, so its module and the model's resolve, export what an
 * embedding application needs and no more, and still find the packaged JSON Schema.
 */
class ModulePathTest {
  static ModuleDescriptor descriptor(Class<?> type) {
    Module module = type.getModule();
    assertThat(module.isNamed()).as("%s is loaded from a named module", type).isTrue();
    return module.getDescriptor();
  }

  static List<String> exported(ModuleDescriptor descriptor) {
    return descriptor.exports().stream()
        .filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .sorted()
        .toList();
  }

  @Test
  void theEngineModuleExportsItsApiButNotTheTestStructureGenerator() {
    ModuleDescriptor engine = descriptor(Qualcheck.class);
    assertThat(engine.name()).isEqualTo("org.qualcheck.engine");
    assertThat(exported(engine))
        .containsExactly(
            "org.qualcheck.api",
            "org.qualcheck.check",
            "org.qualcheck.compile",
            "org.qualcheck.count",
            "org.qualcheck.explain",
            "org.qualcheck.framework.check",
            "org.qualcheck.lint",
            "org.qualcheck.plan",
            "org.qualcheck.progress");
    assertThat(engine.packages()).contains("org.qualcheck.synthetic");
    assertThat(engine.requires())
        .anySatisfy(r -> {
          assertThat(r.name()).isEqualTo("org.qualcheck.model");
          assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
        });
  }

  @Test
  void theModelModuleExportsTheModelTheRulesAndTheReaderAndOpensNothing() {
    ModuleDescriptor model = descriptor(SpecReader.class);
    assertThat(model.name()).isEqualTo("org.qualcheck.model");
    assertThat(exported(model))
        .containsExactly(
            "org.qualcheck.framework",
            "org.qualcheck.model",
            "org.qualcheck.record",
            "org.qualcheck.rule",
            "org.qualcheck.spec");
    assertThat(model.opens()).isEmpty();
    assertThat(model.isOpen()).isFalse();
  }

  @Test
  void theSchemaIsFoundInsideTheNamedModelModule() {
    assertThat(Qualcheck.load(Path.of("../specs/ocr-03455-customer-service-l2.yaml"))
            .meets(List.of("F1", "F2", "A3", "B2", "C3", "D2")))
        .isTrue();
  }
}
