#pragma once
// A response that goes on after its header: the live stream, as server-sent events or, on a
// connection upgraded to WebSocket, as WebSocket text messages. A handler answers with a
// Response whose `stream` is set; the session sends the header (or completes the WebSocket
// handshake), then whatever the stream has ready each time it is woken, and a heartbeat when it
// has been quiet, until the stream ends (a client too slow to keep up is dropped), the client
// goes away, or Laurel shuts down.

#include <functional>
#include <string>
#include <vector>

namespace laurel::http {

struct StreamMessage {
  std::string id;     // empty: not a point to resume from (the client keeps its last id)
  std::string event;  // its type: "good_news", "ready", …
  std::string data;   // one line of JSON
};

class EventStream {
 public:
  virtual ~EventStream() = default;

  // Once, on the session's thread, before anything is taken. `wake` may be called from any
  // thread, any number of times, also after stop(); the session then calls take().
  virtual void start(std::function<void()> wake) = 0;

  struct Batch {
    std::vector<StreamMessage> messages;
    bool ended = false;  // send what came with it, then close the connection
  };
  virtual Batch take() = 0;

  // The connection is closing (called once).
  virtual void stop() = 0;
};

// "id: 12\nevent: good_news\ndata: {…}\n\n" — the text/event-stream framing.
std::string sse_frame(const StreamMessage& message);
// {"id":"12","event":"good_news","data":{…}} — one WebSocket text message.
std::string websocket_text(const StreamMessage& message);

}  // namespace laurel::http
