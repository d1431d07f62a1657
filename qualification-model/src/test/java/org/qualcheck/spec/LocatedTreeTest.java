package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finding a node by its path steps down the tree; it must find what a JSON pointer written from
 * the path finds, whatever the path: keys that look like list positions ({@code "0"}, {@code
 * "01"}), keys holding the pointer's special characters, positions past the end, paths through
 * plain values.
 */
class LocatedTreeTest {
  private static final String[] KEYS = {"units", "0", "1", "01", "-1", "a/b", "c~d", "~1", "", "9"};

  static IntStream seeds() {
    return IntStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void findsWhatAJsonPointerFinds(int seed) {
    Random random = new Random(seed);
    JsonNode root = tree(random, 0);
    LocatedTree tree =
        new LocatedTree("t.yaml", YamlTreeReader.Kind.SPEC, root, ImmutableMap.of(), ImmutableMap.of());
    for (int k = 0; k < 50; k++) {
      List<Object> path = new ArrayList<>();
      JsonNode at = root;
      for (int i = random.nextInt(6); i > 0; i--) {
        Object step = step(random, at);
        path.add(step);
        at = at.at(NodePaths.pointer(List.of(step)));
      }
      assertThat(tree.node(path))
          .as("seed %s, path %s", seed, path)
          .isEqualTo(root.at(NodePaths.pointer(path)));
    }
  }

  @Test
  void readsListPositionsAsAJsonPointerDoes() {
    JsonNode root =
        JsonNodeFactory.instance.objectNode().set("units", JsonNodeFactory.instance.arrayNode().add(4).add(5));
    LocatedTree tree =
        new LocatedTree("t.yaml", YamlTreeReader.Kind.SPEC, root, ImmutableMap.of(), ImmutableMap.of());
    for (Object position : List.of(0, 1, 2, -1, "1", "01", "00", "+1", "", "4294967297")) {
      List<Object> path = List.of("units", position);
      assertThat(tree.node(path)).as("%s", path).isEqualTo(root.at(NodePaths.pointer(path)));
    }
    assertThat(tree.node(List.of("units", "01")).isMissingNode()).isTrue();
    assertThat(tree.node(List.of("units", "1")).intValue()).isEqualTo(5);
  }

  /** Mostly a step to a child that is there, written in one of the ways a path can write it. */
  private static Object step(Random random, JsonNode at) {
    if (at.isArray() && at.size() > 0 && random.nextInt(4) > 0) {
      int index = random.nextInt(at.size());
      return switch (random.nextInt(3)) {
        case 0 -> index;
        case 1 -> Integer.toString(index);
        default -> "0" + index;
      };
    }
    if (at.isObject() && at.size() > 0 && random.nextInt(4) > 0) {
      List<String> names = new ArrayList<>();
      at.fieldNames().forEachRemaining(names::add);
      return names.get(random.nextInt(names.size()));
    }
    return random.nextBoolean() ? KEYS[random.nextInt(KEYS.length)] : random.nextInt(4) - 1;
  }

  private static JsonNode tree(Random random, int depth) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    int kind = depth >= 3 ? 2 + random.nextInt(2) : random.nextInt(4);
    switch (kind) {
      case 0 -> {
        ObjectNode object = nodes.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.set(KEYS[random.nextInt(KEYS.length)], tree(random, depth + 1));
        }
        return object;
      }
      case 1 -> {
        ArrayNode array = nodes.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(tree(random, depth + 1));
        }
        return array;
      }
      case 2 -> {
        return nodes.numberNode(random.nextInt(100));
      }
      default -> {
        return nodes.textNode("t" + random.nextInt(10));
      }
    }
  }
}
