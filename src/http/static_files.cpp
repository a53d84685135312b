#include "http/static_files.hpp"

#include <sodium.h>
#include <zlib.h>

#include <boost/url/pct_string_view.hpp>
#include <fstream>
#include <sstream>

namespace laurel::http {
namespace {

namespace fs = std::filesystem;

bool is_text(const std::string& content_type) {
  return content_type.starts_with("text/") || content_type.starts_with("application/javascript") ||
         content_type.starts_with("application/json") ||
         content_type.starts_with("image/svg+xml") ||
         content_type.starts_with("application/manifest+json");
}

bool accepts_gzip(std::string_view accept_encoding) {
  // "gzip", "gzip, br", "br;q=1.0, gzip;q=0.8"; "gzip;q=0" means no.
  const auto at = accept_encoding.find("gzip");
  if (at == std::string_view::npos) return false;
  const auto rest = accept_encoding.substr(at + 4);
  const auto q = rest.find_first_not_of(' ');
  if (q != std::string_view::npos && rest.substr(q).starts_with(";q=0") &&
      !rest.substr(q).starts_with(";q=0.")) {
    return false;
  }
  return true;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match == "*") return true;
  // A list of tags; a weak form (W/"...") of ours matches too, and gzip variants share the tag
  // with a suffix.
  std::size_t start = 0;
  while (start < if_none_match.size()) {
    auto end = if_none_match.find(',', start);
    if (end == std::string_view::npos) end = if_none_match.size();
    auto tag = if_none_match.substr(start, end - start);
    while (!tag.empty() && tag.front() == ' ')
      tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ')
      tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::string gzip(std::string_view data) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return {};
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return rc == Z_STREAM_END ? out : std::string();
}

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {}

std::string StaticFiles::content_type_of(const fs::path& path) {
  static const std::unordered_map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "application/javascript; charset=utf-8"},
      {".mjs", "application/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
  };
  auto it = types.find(path.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

std::optional<fs::path> StaticFiles::resolve(std::string_view url_path) const {
  auto decoded_view = boost::urls::make_pct_string_view(url_path);
  if (!decoded_view) return std::nullopt;
  std::string decoded = decoded_view->decode();
  if (decoded.find('\0') != std::string::npos) return std::nullopt;
  fs::path relative = fs::path(decoded).relative_path();
  for (const auto& part : relative) {
    if (part == ".." || part == ".") return std::nullopt;  // never leave the folder
  }
  fs::path file = root_ / relative;
  std::error_code ec;
  if (fs::is_directory(file, ec)) file /= "index.html";
  if (fs::is_regular_file(file, ec)) return file;
  // Single-page-app fallback for client-side routes such as /clients/42.
  if (!relative.has_extension()) {
    fs::path index = root_ / "index.html";
    if (fs::is_regular_file(index, ec)) return index;
  }
  return std::nullopt;
}

std::shared_ptr<const StaticFiles::Entry> StaticFiles::load(const fs::path& file) {
  std::error_code ec;
  const auto modified = fs::last_write_time(file, ec);
  const auto size = fs::file_size(file, ec);
  if (ec) return nullptr;
  const std::string key = file.string();
  {
    std::shared_lock lock(mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end() && it->second->modified == modified && it->second->size == size) {
      return it->second;
    }
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream text;
  text << in.rdbuf();
  auto entry = std::make_shared<Entry>();
  entry->content = text.str();
  entry->content_type = content_type_of(file);
  entry->modified = modified;
  entry->size = size;
  unsigned char digest[16];
  crypto_generichash(digest, sizeof digest,
                     reinterpret_cast<const unsigned char*>(entry->content.data()),
                     entry->content.size(), nullptr, 0);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  entry->etag.append(1, '"').append(hex).append(1, '"');
  if (is_text(entry->content_type) && entry->content.size() >= 256) {
    entry->gzipped = gzip(entry->content);
    if (entry->gzipped.size() >= entry->content.size()) entry->gzipped.clear();
  }
  std::unique_lock lock(mutex_);
  cache_[key] = entry;
  return entry;
}

std::optional<Response> StaticFiles::serve(const Request& request) {
  auto file = resolve(request.path);
  if (!file) return std::nullopt;
  auto entry = load(*file);
  if (!entry) return std::nullopt;

  Response response;
  // Vite puts content-hashed names under /assets/: cache them for good; revalidate the rest.
  response.set_header("Cache-Control", request.path.starts_with("/assets/")
                                           ? "public, max-age=31536000, immutable"
                                           : "no-cache");
  response.set_header("ETag", entry->etag);
  response.set_header("X-Content-Type-Options", "nosniff");
  if (!entry->gzipped.empty()) response.set_header("Vary", "Accept-Encoding");
  if (etag_matches(request.header("If-None-Match"), entry->etag)) {
    response.status = 304;
    return response;
  }
  response.set_header("Content-Type", entry->content_type);
  if (!entry->gzipped.empty() && accepts_gzip(request.header("Accept-Encoding"))) {
    response.set_header("Content-Encoding", "gzip");
    response.body = entry->gzipped;
  } else {
    response.body = entry->content;
  }
  return response;
}

}  // namespace laurel::http
