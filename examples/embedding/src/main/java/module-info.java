/** A centre's MIS in miniature: it needs only the qualcheck engine module. */
module org.qualcheck.example.embedding {
  requires org.qualcheck.engine;
}
