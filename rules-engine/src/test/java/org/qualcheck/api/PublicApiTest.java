package org.qualcheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qualcheck.spec.SpecReader;

/**
 * The public API of the exported packages names only the JDK's and qualcheck's own types, so an
 * application is not tied to the version of Guava the library uses inside.
 */
class PublicApiTest {
  /** Every public or protected member of every public type in the two modules' exported packages. */
  static List<String> signatures() {
    List<String> found = new ArrayList<>();
    for (Class<?> type : exportedTypes()) {
      visit(type.getGenericSuperclass(), type.getName() + " extends", found);
      for (Type i : type.getGenericInterfaces()) {
        visit(i, type.getName() + " implements", found);
      }
      if (type.isRecord()) {
        for (RecordComponent c : type.getRecordComponents()) {
          visit(c.getGenericType(), type.getName() + "." + c.getName(), found);
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (visible(f.getModifiers())) {
          visit(f.getGenericType(), type.getName() + "." + f.getName(), found);
        }
      }
      List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
      executables.addAll(List.of(type.getDeclaredConstructors()));
      for (Executable e : executables) {
        if (!visible(e.getModifiers()) || e.isSynthetic()) {
          continue;
        }
        String where = type.getName() + "." + e.getName() + "()";
        if (e instanceof Method m) {
          visit(m.getGenericReturnType(), where, found);
        }
        for (Type p : e.getGenericParameterTypes()) {
          visit(p, where, found);
        }
      }
    }
    return found;
  }

  static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  static void visit(Type type, String where, List<String> found) {
    if (type == null) {
      return;
    }
    if (type instanceof Class<?> c) {
      Class<?> element = c;
      while (element.isArray()) {
        element = element.getComponentType();
      }
      if (!element.isPrimitive()) {
        found.add(where + " uses " + element.getName());
      }
    } else if (type instanceof ParameterizedType p) {
      visit(p.getRawType(), where, found);
      for (Type a : p.getActualTypeArguments()) {
        visit(a, where, found);
      }
    } else if (type instanceof GenericArrayType g) {
      visit(g.getGenericComponentType(), where, found);
    } else if (type instanceof WildcardType w) {
      Stream.of(w.getUpperBounds()).forEach(b -> visit(b, where, found));
      Stream.of(w.getLowerBounds()).forEach(b -> visit(b, where, found));
    } else if (type instanceof TypeVariable<?> v) {
      Stream.of(v.getBounds()).forEach(b -> visit(b, where, found));
    }
  }

  /** The public types, nested ones included, of the exported packages of both library modules. */
  static List<Class<?>> exportedTypes() {
    List<Class<?>> types = new ArrayList<>();
    for (Module module : Set.of(Qualcheck.class.getModule(), SpecReader.class.getModule())) {
      ResolvedModule resolved =
          module.getLayer().configuration().findModule(module.getName()).orElseThrow();
      try (ModuleReader reader = resolved.reference().open()) {
        for (String name : reader.list().toList()) {
          if (!name.endsWith(".class") || name.equals("module-info.class")) {
            continue;
          }
          String className = name.substring(0, name.length() - 6).replace('/', '.');
          String pkg = className.substring(0, className.lastIndexOf('.'));
          if (!module.isExported(pkg)) {
            continue;
          }
          Class<?> type = Class.forName(className, false, module.getClassLoader());
          if (isPublicAllTheWay(type)) {
            types.add(type);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
    }
    return types;
  }

  static boolean isPublicAllTheWay(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return !type.isAnonymousClass() && !type.isSynthetic();
  }

  @Test
  void thereArePublicTypesToCheck() {
    assertThat(exportedTypes())
        .extracting(Class::getSimpleName)
        .contains("Qualcheck", "Plan", "RuleOutcome", "Qualification", "SpecException", "Bounds");
  }

  @Test
  void noGuavaTypeInAnyPublicSignature() {
    assertThat(signatures()).filteredOn(s -> s.contains(" uses com.google.")).isEmpty();
  }
}
