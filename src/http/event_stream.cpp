#include "http/event_stream.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

namespace laurel::http {
namespace {

// A field value on one line: SSE ends a field at CR or LF, so they are escaped away (data is one
// line of JSON already; this guards ids and event names against a mistake).
void append_line(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(": ");
  for (const char c : value) {
    if (c != '\r' && c != '\n') out.push_back(c);
  }
  out.push_back('\n');
}

}  // namespace

std::string sse_frame(const StreamMessage& message) {
  std::string out;
  out.reserve(message.data.size() + message.event.size() + message.id.size() + 24);
  if (!message.id.empty()) append_line(out, "id", message.id);
  if (!message.event.empty()) append_line(out, "event", message.event);
  append_line(out, "data", message.data);
  out.push_back('\n');
  return out;
}

std::string websocket_text(const StreamMessage& message) {
  std::string out = "{\"id\":";
  out += message.id.empty() ? std::string("null")
                            : boost::json::serialize(boost::json::string(message.id));
  out += ",\"event\":" + boost::json::serialize(boost::json::string(message.event));
  out += ",\"data\":";
  out += message.data.empty() ? std::string_view("null") : std::string_view(message.data);
  out += "}";
  return out;
}

}  // namespace laurel::http
