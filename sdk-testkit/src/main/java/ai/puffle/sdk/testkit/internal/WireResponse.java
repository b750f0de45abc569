package ai.puffle.sdk.testkit.internal;

/** A handler's answer before encoding: a status and a response model (or error text). */
final class WireResponse {
  final int status;
  final Object model;
  final String error;

  private WireResponse(int status, Object model, String error) {
    this.status = status;
    this.model = model;
    this.error = error;
  }

  static WireResponse ok(Object model) {
    return new WireResponse(200, model, null);
  }

  static WireResponse error(int status, String message) {
    return new WireResponse(status, null, message);
  }

  String encode(WireJson json) {
    return error != null ? json.error(error) : json.encode(model);
  }
}
