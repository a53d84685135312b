#include "http/response_writer.hpp"

#include <fmt/format.h>

namespace laurel::http {

std::string_view reason_phrase(unsigned status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "";  // the reason phrase is optional (RFC 9112, 4)
  }
}

namespace {

void write_status_and_headers(const Response& response, Framing framing, std::string& out) {
  out.clear();
  out.reserve(256 + response.body.size());
  fmt::format_to(std::back_inserter(out), "HTTP/1.{} {} {}\r\nServer: Laurel\r\n",
                 framing.version == 10 ? 0 : 1, response.status, reason_phrase(response.status));
  for (const auto& [name, value] : response.headers) {
    if (value.find_first_of("\r\n") != std::string::npos ||
        name.find_first_of("\r\n: ") != std::string::npos) {
      continue;
    }
    if (iequals(name, "Content-Length") || iequals(name, "Connection")) continue;  // ours to set
    out.append(name).append(": ").append(value).append("\r\n");
  }
}

}  // namespace

void write_stream_head(const Response& response, Framing framing, std::string& out) {
  write_status_and_headers(response, framing, out);
  if (!framing.keep_alive) out.append("Connection: close\r\n");
  out.append("\r\n");
}

void write_response(const Response& response, Framing framing, std::string& out) {
  write_status_and_headers(response, framing, out);
  const bool bodiless_status =
      response.status == 204 || response.status == 304 || response.status < 200;
  if (!bodiless_status) {
    out.append("Content-Length: ").append(std::to_string(response.body.size())).append("\r\n");
  }
  if (!framing.keep_alive) {
    out.append("Connection: close\r\n");
  } else if (framing.version == 10) {
    out.append("Connection: keep-alive\r\n");
  }
  out.append("\r\n");
  if (!framing.head && !bodiless_status) out.append(response.body);
}

}  // namespace laurel::http
