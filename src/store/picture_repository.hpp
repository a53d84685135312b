#pragma once
// Pictures as stored (migration 0022): immutable, one row per distinct content.

#include <cstdint>
#include <optional>
#include <string>

#include "store/connection.hpp"

namespace laurel::store {

struct PictureRecord {
  std::int64_t id = 0;
  std::string sha256;  // hex
  std::string media_type;
  std::int64_t size = 0;
  std::int64_t width = 0;
  std::int64_t height = 0;
  std::string content;  // the bytes; empty when read without them
  std::optional<std::int64_t> uploaded_by;
  std::int64_t created_at = 0;
};

class PictureRepository {
 public:
  explicit PictureRepository(Connection& connection) : db_(connection) {}

  // The picture with these bytes: inserted, or the one stored already (`created` says which).
  struct Stored {
    PictureRecord picture;
    bool created = false;
  };
  core::Result<Stored> store(const PictureRecord& picture);
  core::Result<std::optional<PictureRecord>> find(std::int64_t id, bool with_content);

  // The picture's public token (migration 0025): `candidate` (a fresh random token) when it had
  // none, so that the picture is reachable without signing in from then on; else its own.
  core::Result<std::string> make_public(std::int64_t id, const std::string& candidate);
  // The public picture with this token, with its bytes.
  core::Result<std::optional<PictureRecord>> find_public(std::string_view token);

 private:
  Connection& db_;
};

}  // namespace laurel::store
