#pragma once
// Turns a Response into the bytes of an HTTP/1.1 (or 1.0) response, in one buffer, so that the
// session sends it with a single write. (Beast's serializer walks a chain of buffer views per
// write and cost more than the rest of a small request; the framing itself is simple.)
//
// Framing: Content-Length always, except on 204 and 304; a HEAD answer carries the length of the
// body it leaves out; "Connection: close" when the connection ends, "Connection: keep-alive" for
// HTTP/1.0 clients that asked to keep it. Header values containing CR or LF are dropped rather
// than allowed to split the response.

#include <string>

#include "http/message.hpp"

namespace laurel::http {

struct Framing {
  bool keep_alive = true;
  bool head = false;      // the request was HEAD: no body, but its length
  unsigned version = 11;  // 10 or 11
};

void write_response(const Response& response, Framing framing, std::string& out);
// The header of a response whose body follows as a stream (http/event_stream.hpp): no
// Content-Length; with keep_alive the session frames the body in chunks (the handler's
// Transfer-Encoding header says so), without it the body ends when the connection closes.
void write_stream_head(const Response& response, Framing framing, std::string& out);

std::string_view reason_phrase(unsigned status);

}  // namespace laurel::http
