#include "store/picture_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "id, sha256, media_type, size, width, height, uploaded_by, created_at";

PictureRecord picture_of(const Row& r) {
  PictureRecord p;
  p.id = r.integer(0);
  p.sha256 = r.text(1);
  p.media_type = r.text(2);
  p.size = r.integer(3);
  p.width = r.integer(4);
  p.height = r.integer(5);
  p.uploaded_by = r.optional_integer(6);
  p.created_at = r.integer(7);
  if (r.size() > 8) p.content = r.text(8);
  return p;
}

}  // namespace

core::Result<PictureRepository::Stored> PictureRepository::store(const PictureRecord& p) {
  auto inserted = db_.query(
      "INSERT INTO pictures (sha256, media_type, size, width, height, content, uploaded_by, "
      "created_at) VALUES ($1, $2, $3, $4, $5, CAST($6 AS BLOB), $7, $8) "
      "ON CONFLICT (sha256) DO NOTHING",
      {p.sha256, p.media_type, p.size, p.width, p.height, p.content, nullable(p.uploaded_by),
       p.created_at});
  if (!inserted) return inserted.error();
  auto rows =
      db_.query("SELECT " + std::string(kColumns) + " FROM pictures WHERE sha256 = $1", {p.sha256});
  if (!rows) return rows.error();
  return Stored{picture_of(rows->front()), inserted->changes == 1};
}

core::Result<std::optional<PictureRecord>> PictureRepository::find(std::int64_t id,
                                                                   bool with_content) {
  auto rows = db_.query("SELECT " + std::string(kColumns) + (with_content ? ", content" : "") +
                            " FROM pictures WHERE id = $1",
                        {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<PictureRecord>();
  return std::optional<PictureRecord>(picture_of(rows->front()));
}

core::Result<std::string> PictureRepository::make_public(std::int64_t id,
                                                         const std::string& candidate) {
  auto given =
      db_.query("UPDATE pictures SET public_token = $1 WHERE id = $2 AND public_token IS NULL",
                {candidate, id});
  if (!given) return given.error();
  auto rows = db_.query("SELECT public_token FROM pictures WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return core::Error::not_found("no picture " + std::to_string(id));
  return rows->front().text(0);
}

core::Result<std::optional<PictureRecord>> PictureRepository::find_public(std::string_view token) {
  auto rows = db_.query(
      "SELECT " + std::string(kColumns) + ", content FROM pictures WHERE public_token = $1",
      {std::string(token)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<PictureRecord>();
  return std::optional<PictureRecord>(picture_of(rows->front()));
}

}  // namespace laurel::store
