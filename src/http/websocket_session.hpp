#pragma once
// Inside the server (server.cpp and websocket_session.cpp only): the live stream over a
// connection upgraded to WebSocket (RFC 6455). Beast's websocket headers stay in the .cpp.

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <memory>

#include "http/event_stream.hpp"
#include "http/message.hpp"
#include "http/server_shared.hpp"

namespace laurel::http {

// Completes the handshake on `stream` (the upgrade request already read, with any bytes after it
// in `buffer`), then sends each message of `events` as a text message until either side closes.
void start_websocket_session(boost::beast::tcp_stream stream, boost::beast::flat_buffer buffer,
                             boost::beast::http::request<boost::beast::http::string_body> request,
                             std::shared_ptr<EventStream> events, ServerShared& shared);

}  // namespace laurel::http
