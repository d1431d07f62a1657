/**
 * The library as an MIS developer meets it: this module requires only the qualcheck engine, and
 * cannot read Guava, Jackson or SLF4J, so it can use only what the API itself speaks.
 */
module org.qualcheck.example.apicheck {
  requires org.qualcheck.engine;
}
