#pragma once
// Pictures managers attach to good news: uploaded as the request body, judged by their bytes
// (PNG, JPEG or WebP; core/picture.hpp), at most 5 MB, kept once per content (SHA-256).
// An upload whose Content-Type names another picture type than its bytes is refused: it lies.

#include <boost/json/object.hpp>
#include <string_view>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "store/picture_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

inline constexpr std::size_t kPictureLimit = 5 * 1024 * 1024;

class PictureService {
 public:
  PictureService(store::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  core::Result<store::PictureRepository::Stored> upload(std::string bytes,
                                                        std::string_view declared_type,
                                                        const auth::Actor& actor);
  // With its bytes.
  core::Result<store::PictureRecord> get(std::int64_t id);
  // A picture sent to the group chats, by its public token, with its bytes; not found for any
  // other token (a picture only ever attached to drafts has none).
  core::Result<store::PictureRecord> get_public(std::string_view token);

 private:
  store::Store& store_;
  const core::Clock& clock_;
};

boost::json::object picture_to_json(const store::PictureRecord& picture);

}  // namespace laurel::crm
