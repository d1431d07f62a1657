package org.qualcheck.spec;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;

/**
 * A unit catalogue read from one file: units that several qualifications share, each written once
 * and keyed by its unit reference number, so that every qualification taking a unit agrees on its
 * title, credits, level and guided learning hours.
 *
 * @param file the catalogue's path as problems name it
 * @param title what the catalogue holds
 * @param source the document the units were transcribed from
 * @param units the units by unit reference number, in file order
 */
record Catalogue(
    String file, String title, String source, ImmutableMap<String, CatalogueUnit> units) {

  Catalogue {
    checkNotNull(file, "file");
    checkNotNull(title, "title");
    checkNotNull(source, "source");
    checkNotNull(units, "units");
  }
}
