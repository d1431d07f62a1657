package org.qualcheck.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import org.qualcheck.model.SourceLocation;

/**
 * A parsed spec or catalogue document with the position of every node and every mapping key, keyed
 * by JSON pointer, so that later checks can point at the exact place in the file.
 */
record LocatedTree(
    String file,
    YamlTreeReader.Kind kind,
    JsonNode root,
    ImmutableMap<String, SourceLocation> values,
    ImmutableMap<String, SourceLocation> keys) {

  /** Where the value at this path starts, or the nearest enclosing node that has a position. */
  SourceLocation valueAt(List<?> path) {
    for (int n = path.size(); n >= 0; n--) {
      SourceLocation l = values.get(NodePaths.pointer(path.subList(0, n)));
      if (l != null) {
        return l;
      }
    }
    return new SourceLocation(file, 1, 1);
  }

  /** Where the key naming the value at this path is written, falling back to the value itself. */
  SourceLocation keyAt(List<?> path) {
    SourceLocation l = keys.get(NodePaths.pointer(path));
    return l != null ? l : valueAt(path);
  }

  /** The node at this path, or a missing node. */
  JsonNode node(List<?> path) {
    return root.at(NodePaths.pointer(path));
  }
}
