package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.Fault;
import okhttp3.HttpUrl;

/** One request as the handlers see it. Immutable. */
final class Call {
  final Route route;
  final HttpUrl url;
  final String body;
  /** A task fault to apply to the task this request dispatches, or null. */
  final Fault taskFault;

  Call(Route route, HttpUrl url, String body, Fault taskFault) {
    this.route = route;
    this.url = url;
    this.body = body;
    this.taskFault = taskFault;
  }

  String query(String name) {
    return url.queryParameter(name);
  }
}
