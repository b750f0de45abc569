package ai.puffle.sdk.testkit.internal;

/** Sends each call to the handler of its operation. */
final class Api {
  private final SessionHandler sessions;
  private final TaskHandler tasks;
  private final ContentHandler content;
  private final MessageGeneration generation;
  private final MessageHandler messages;
  private final CampaignHandler campaigns;

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

  WireResponse handle(Call call) {
    switch (call.route.operation) {
      case CREATE_SESSION:
        return sessions.create(call);
      case LIST_SESSIONS:
        return sessions.list(call);
      case GET_SESSION:
        return sessions.get(call);
      case UPDATE_SESSION:
        return sessions.update(call);
      case DELETE_SESSION:
        return sessions.delete(call);
      case RUN_TURN:
        return tasks.turn(call);
      case GENERATE_EXAMPLES:
        return tasks.examples(call);
      case GENERATE_CONTENT:
        return content.generate(call);
      case GENERATE_MESSAGES:
        return generation.generate(call);
      case LIST_MESSAGES:
        return messages.list(call);
      case UPDATE_MESSAGE:
        return messages.update(call);
      case GET_CAMPAIGN:
        return campaigns.get(call);
      case UPDATE_NODE:
        return campaigns.updateNode(call);
      default:
        int status = call.route.errorStatus == 0 ? 404 : call.route.errorStatus;
        return WireResponse.error(status, status == 405 ? "Method not allowed" : "Not found");
    }
  }
}
