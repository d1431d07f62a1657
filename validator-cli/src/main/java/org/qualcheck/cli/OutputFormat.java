package org.qualcheck.cli;

/** How a command prints its answer. */
enum OutputFormat {
  TEXT,
  JSON
}
