#pragma once
// Laurel's own request and response types. The Beast session converts to and from them, so that
// handlers, the router and their tests never include Beast or Asio (heavy headers, slow builds).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace laurel::http {

class EventStream;  // http/event_stream.hpp

using Header = std::pair<std::string, std::string>;

struct Request {
  std::string method;  // upper case: "GET"
  std::string target;  // as sent: path and query
  std::string path;    // the path part of target, not yet percent-decoded
  std::string query;   // the part after '?', not yet decoded
  std::vector<Header> headers;
  std::string body;
  std::string client_ip;

  // Case-insensitive; empty when absent.
  std::string_view header(std::string_view name) const;
};

struct Response {
  unsigned status = 200;
  std::vector<Header> headers;
  std::string body;
  // Set: the live stream follows the header instead of a body (http/event_stream.hpp).
  std::shared_ptr<EventStream> stream;

  // Replaces a header of the same name (case-insensitive).
  void set_header(std::string_view name, std::string value);
  std::string_view header(std::string_view name) const;

  static Response text(unsigned status, std::string body, std::string content_type);
  static Response no_content();
};

bool iequals(std::string_view a, std::string_view b);

// "Connection: Upgrade" and "Upgrade: websocket" on a GET: the client asks for a WebSocket.
bool is_websocket_upgrade(const Request& request);

}  // namespace laurel::http
