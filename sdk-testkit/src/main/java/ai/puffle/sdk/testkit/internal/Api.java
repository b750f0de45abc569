package ai.puffle.sdk.testkit.internal;

/**
 * The emulator's handlers, by the group names that openapi.yaml's {@code x-puffle-emulator}
 * extension uses ({@code handler: sessions.create} calls {@code sessions.create(call)}), and
 * the answer to a request that matches no route.
 */
final class Api {
  final SessionHandler sessions;
  final TaskHandler tasks;
  final ContentHandler content;
  final MessageGeneration generation;
  final MessageHandler messages;
  final CampaignHandler campaigns;

  Api(
      SessionHandler sessions,
      TaskHandler tasks,
      ContentHandler content,
      MessageGeneration generation,
      MessageHandler messages,
      CampaignHandler campaigns) {
    this.sessions = sessions;
    this.tasks = tasks;
    this.content = content;
    this.generation = generation;
    this.messages = messages;
    this.campaigns = campaigns;
  }

  /** Runs the route's handler; 404 or 405 when the request matched no route. */
  WireResponse handle(Call call) {
    if (call.route.handler != null) {
      return call.route.handler.handle(call);
    }
    int status = call.route.errorStatus == 0 ? 404 : call.route.errorStatus;
    return WireResponse.error(status, status == 405 ? "Method not allowed" : "Not found");
  }
}
