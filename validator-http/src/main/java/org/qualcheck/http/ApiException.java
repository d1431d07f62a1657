package org.qualcheck.http;

import java.util.List;

/**
 * A request the API refuses, answered as {@code application/problem+json} (RFC 9457) with this
 * status, a short title, one plain sentence of detail and, where there are several, every problem.
 */
final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String title;
  private final List<String> errors;
  private final String allow;

  ApiException(int status, String title, String detail, List<String> errors) {
    this(status, title, detail, errors, null);
  }

  private ApiException(int status, String title, String detail, List<String> errors, String allow) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.allow = allow;
  }

  static ApiException malformed(String detail) {
    return new ApiException(400, "Malformed request", detail, List.of());
  }

  static ApiException notFound(String detail) {
    return new ApiException(404, "Not found", detail, List.of());
  }

  static ApiException tooLarge(long limit) {
    return new ApiException(413, "Request body too large",
        "the request body is larger than the limit of " + Bytes.describe(limit) + " for this endpoint",
        List.of());
  }

  static ApiException unprocessable(String detail, List<String> errors) {
    return new ApiException(422, "Unprocessable request", detail, errors);
  }

  static ApiException unavailable(String detail) {
    return new ApiException(503, "Service unavailable", detail, List.of());
  }

  static ApiException methodNotAllowed(String method, String allowed) {
    return new ApiException(405, "Method not allowed",
        "this endpoint takes " + allowed + ", not " + method, List.of(),
        allowed.equals("GET") ? "GET, HEAD" : allowed);
  }

  /** The methods to list in the Allow header of a 405 answer. */
  String allow() {
    return allow;
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  List<String> errors() {
    return errors;
  }
}
