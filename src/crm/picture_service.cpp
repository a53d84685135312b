#include "crm/picture_service.hpp"

#include <boost/json/object.hpp>

#include "core/picture.hpp"
#include "core/timestamp.hpp"
#include "crm/digest.hpp"

namespace laurel::crm {
namespace {

// The media type of a Content-Type header, parameters aside, in lower case.
std::string media_of(std::string_view type) {
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ')
    type.remove_suffix(1);
  std::string out(type);
  for (auto& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

core::Result<store::PictureRepository::Stored> PictureService::upload(
    std::string bytes, std::string_view declared_type, const auth::Actor& actor) {
  if (bytes.empty()) return core::Error::invalid("body", "send the picture's bytes as the body");
  if (bytes.size() > kPictureLimit) {
    return core::Error::invalid("body", "a picture may be at most 5 MB");
  }
  const auto info = core::sniff_picture(bytes);
  if (!info) {
    return core::Error::invalid("body", "not a PNG, JPEG or WebP picture (judged by its bytes)");
  }
  const auto declared = media_of(declared_type);
  if (declared != "application/octet-stream" && declared != info->media_type) {
    return core::Error::invalid(
        "Content-Type", "says " + declared + " but the bytes are " + std::string(info->media_type));
  }
  store::PictureRecord picture;
  picture.sha256 = sha256_hex(bytes);
  picture.media_type = std::string(info->media_type);
  picture.size = static_cast<std::int64_t>(bytes.size());
  picture.width = info->width;
  picture.height = info->height;
  picture.content = std::move(bytes);
  picture.uploaded_by = actor.user_id;
  picture.created_at = core::to_micros(clock_.now());
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto stored = store::PictureRepository(write->connection()).store(picture);
  if (!stored) return stored.error();
  if (auto s = write->commit(); !s) return s.error();
  return stored;
}

core::Result<store::PictureRecord> PictureService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = store::PictureRepository(**connection).find(id, true);
  if (!found) return found.error();
  if (!*found) return core::Error::not_found("no picture " + std::to_string(id));
  return std::move(**found);
}

core::Result<store::PictureRecord> PictureService::get_public(std::string_view token) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = store::PictureRepository(**connection).find_public(token);
  if (!found) return found.error();
  if (!*found) return core::Error::not_found("no such public picture");
  return std::move(**found);
}

boost::json::object picture_to_json(const store::PictureRecord& p) {
  return {{"id", p.id},
          {"url", "/api/v1/pictures/" + std::to_string(p.id)},
          {"media_type", p.media_type},
          {"size", p.size},
          {"width", p.width},
          {"height", p.height},
          {"sha256", p.sha256},
          {"created_at", core::format_rfc3339(core::from_micros(p.created_at))}};
}

}  // namespace laurel::crm
