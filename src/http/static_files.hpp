#pragma once
// Serves the built web UI from a folder (server.static_dir): correct Content-Type, strong ETags
// with If-None-Match, gzip for text assets when the client accepts it, and the single-page-app
// fallback (an unknown path without a file extension gets index.html, so that deep links into
// the UI work). Thread-safe.
//
// Files are read once and kept in memory with their gzip form; a change of size or modification
// time on disk (a rebuilt UI) is noticed on the next request.

#include <filesystem>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "http/message.hpp"

namespace laurel::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // For GET and HEAD requests that matched no API route. Returns nullopt when there is nothing
  // to serve (the caller answers 404).
  std::optional<Response> serve(const Request& request);

  static std::string content_type_of(const std::filesystem::path& path);

 private:
  struct Entry {
    std::string content;
    std::string gzipped;  // empty when not worth compressing
    std::string etag;
    std::string content_type;
    std::filesystem::file_time_type modified;
    std::uintmax_t size = 0;
  };

  std::optional<std::filesystem::path> resolve(std::string_view url_path) const;
  std::shared_ptr<const Entry> load(const std::filesystem::path& file);

  std::filesystem::path root_;
  std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> cache_;
};

// gzip (RFC 1952) of `data` at the default level; empty on failure.
std::string gzip(std::string_view data);

}  // namespace laurel::http
