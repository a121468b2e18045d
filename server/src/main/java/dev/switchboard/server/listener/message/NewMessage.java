package dev.switchboard.server.listener.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.args.Values;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.view.MessageView;
import dev.switchboard.server.visibility.Visibility;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Stores {@code { to, context: { text?, image? }, reply_to? }} from me, now, unseen,
 * and pushes it to the recipient. Only those fields are read; anything else the client sends is ignored.
 */
public final class NewMessage extends AppListener {

    public NewMessage(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        JsonNode data = call.args().object("data");
        ObjectId to = Values.id(data.get("to"), "data.to", false);
        JsonNode context = Values.object(data.get("context"), "data.context", false);
        String text = Values.text(context.get("text"), "data.context.text", 0, EventCatalog.MESSAGE_TEXT_MAX, true);
        if (text != null && text.isEmpty()) {
            text = null;
        }
        String image = Values.image(context.get("image"), "data.context.image", app.argParser().maxImageBytes(),
                true);
        if (text == null && image == null) {
            throw ReplyException.invalidArgument("a message needs data.context.text or data.context.image");
        }
        ObjectId replyTo = Values.id(data.get("reply_to"), "data.reply_to", true);

        Document recipient = user(to);
        Visibility.requireNoBlock(me(call), recipient, "message them");
        if (replyTo != null && !app.stores().messages().inConversation(replyTo, call.me(), to)) {
            throw ReplyException.notFound("message " + replyTo.toHexString() + " is not in your conversation with user "
                    + to.toHexString());
        }
        Document message = app.stores().messages().add(call.me(), to, text, image, replyTo, call.now());
        app.emits().messageSendTo().send(message);
        ObjectNode reply = Reply.ok();
        reply.set("message", MessageView.of(message));
        return reply;
    }
}
