#include "engine/first_use_book.hpp"

namespace laurel::engine {

bool FirstUseBook::use(std::int64_t staff_id, std::uint8_t function, EventContext event,
                       std::string entity_type, std::string entity_id) {
  const auto [it, fresh] = uses_.try_emplace({staff_id, function});
  if (!fresh) return false;
  it->second = {staff_id,
                function,
                event.seq,
                event.recorded_at,
                std::move(entity_type),
                std::move(entity_id)};
  changes_.push_back(it->second);
  return true;
}

const FirstUse* FirstUseBook::first(std::int64_t staff_id, std::uint8_t function) const {
  const auto it = uses_.find({staff_id, function});
  return it == uses_.end() ? nullptr : &it->second;
}

std::vector<FirstUse> FirstUseBook::all() const {
  std::vector<FirstUse> out;
  out.reserve(uses_.size());
  for (const auto& [key, use] : uses_)
    out.push_back(use);
  return out;
}

}  // namespace laurel::engine
