// Fn::Join, Fn::Select, Fn::Split, Fn::Base64, Fn::GetAZs, Fn::Cidr, Fn::Length.
#include <cstdint>

#include "iac/functions.h"

namespace specconv::iac {
namespace {

/// `arg` evaluated as a list (an error naming `fn` otherwise).
std::optional<io::Node> list_of(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer,
                                const char* fn) {
  std::optional<io::Node> v = ev.evaluate(arg, pointer);
  if (!v || !v->is_array()) {
    if (!ev.failed()) ev.fail(at, pointer, std::string(fn) + " needs a list here");
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> text_arg(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer,
                                    const char* fn) {
  std::optional<io::Node> v = ev.evaluate(arg, pointer);
  if (!v) {
    if (!ev.failed()) ev.fail(at, pointer, std::string(fn) + " needs a string here, got AWS::NoValue");
    return std::nullopt;
  }
  return text_of(ev, *v, at, pointer, fn);
}

std::string base64(const std::string& in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < in.size(); i += 3) {
    uint32_t n = static_cast<uint8_t>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<uint8_t>(in[i + 1]) << 8;
    if (i + 2 < in.size()) n |= static_cast<uint8_t>(in[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

std::optional<uint32_t> ipv4(const std::string& s) {
  uint32_t out = 0;
  int parts = 0;
  std::size_t i = 0;
  while (parts < 4) {
    std::size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - i < 3) ++j;
    if (j == i) return std::nullopt;
    const int v = std::stoi(s.substr(i, j - i));
    if (v > 255) return std::nullopt;
    out = (out << 8) | static_cast<uint32_t>(v);
    ++parts;
    if (parts < 4 && (j >= s.size() || s[j] != '.')) return std::nullopt;
    i = j + 1;
  }
  return out;
}

}  // namespace

std::optional<io::Node> fn_join(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  const io::Node* a = arguments(ev, arg, 2, at, pointer, "Fn::Join");
  if (a == nullptr) return std::nullopt;
  const auto delimiter = text_arg(ev, a->items()[0], at, pointer + "/0", "Fn::Join");
  std::optional<io::Node> list = delimiter ? list_of(ev, a->items()[1], at, pointer + "/1", "Fn::Join") : std::nullopt;
  if (!list) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < list->items().size(); ++i) {
    const auto piece = text_of(ev, list->items()[i], at, pointer + "/1/" + std::to_string(i), "Fn::Join");
    if (!piece || !ev.spend(at, pointer, piece->size() + delimiter->size())) return std::nullopt;
    if (i > 0) out += *delimiter;
    out += *piece;
    if (out.size() > ev.limits().max_string_bytes) {
      (void)ev.spend(at, pointer, out.size());  // reports the limit
      return std::nullopt;
    }
  }
  return located(io::Node::string(std::move(out)), at);
}

std::optional<io::Node> fn_select(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  const io::Node* a = arguments(ev, arg, 2, at, pointer, "Fn::Select");
  if (a == nullptr) return std::nullopt;
  const auto index = text_arg(ev, a->items()[0], at, pointer + "/0", "Fn::Select");
  std::optional<io::Node> list = index ? list_of(ev, a->items()[1], at, pointer + "/1", "Fn::Select") : std::nullopt;
  if (!list) return std::nullopt;
  if (index->empty() || index->size() > 9 || index->find_first_not_of("0123456789") != std::string::npos ||
      std::stoul(*index) >= list->items().size()) {
    ev.fail(at, pointer + "/0", "Fn::Select index " + *index + " is not within the list of " + std::to_string(list->items().size()));
    return std::nullopt;
  }
  return located(list->items()[std::stoul(*index)], at);
}

std::optional<io::Node> fn_split(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  const io::Node* a = arguments(ev, arg, 2, at, pointer, "Fn::Split");
  if (a == nullptr) return std::nullopt;
  const auto delimiter = text_arg(ev, a->items()[0], at, pointer + "/0", "Fn::Split");
  const auto text = delimiter ? text_arg(ev, a->items()[1], at, pointer + "/1", "Fn::Split") : std::nullopt;
  if (!text) return std::nullopt;
  if (delimiter->empty()) {
    ev.fail(at, pointer + "/0", "Fn::Split needs a delimiter that is not empty");
    return std::nullopt;
  }
  io::Node out = io::Node::array();
  std::size_t start = 0;
  while (true) {
    const std::size_t next = text->find(*delimiter, start);
    if (!ev.spend(at, pointer, 16)) return std::nullopt;  // each piece costs a value
    if (out.items().size() >= ev.limits().max_nodes) {
      ev.fail(at, pointer, "Fn::Split makes more than " + std::to_string(ev.limits().max_nodes) + " values (raise with --max-values)");
      return std::nullopt;
    }
    out.push(located(io::Node::string(text->substr(start, next == std::string::npos ? std::string::npos : next - start)), at));
    if (next == std::string::npos) break;
    start = next + delimiter->size();
  }
  return located(std::move(out), at);
}

std::optional<io::Node> fn_base64(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  const auto text = text_arg(ev, arg, at, pointer, "Fn::Base64");
  if (!text || !ev.spend(at, pointer, text->size() * 4 / 3 + 4)) return std::nullopt;
  return located(io::Node::string(base64(*text)), at);
}

std::optional<io::Node> fn_get_azs(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  const auto region = text_arg(ev, arg, at, pointer, "Fn::GetAZs");
  if (!region) return std::nullopt;
  const std::string r = region->empty() ? ev.settings().region : *region;
  io::Node out = io::Node::array();
  for (const char* zone : {"a", "b", "c"}) out.push(located(io::Node::string(r + zone), at));
  return located(std::move(out), at);
}

std::optional<io::Node> fn_cidr(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  const io::Node* a = arguments(ev, arg, 3, at, pointer, "Fn::Cidr");
  if (a == nullptr) return std::nullopt;
  std::optional<std::string> parts[3];
  for (std::size_t i = 0; i < 3; ++i) {
    parts[i] = text_arg(ev, a->items()[i], at, pointer + "/" + std::to_string(i), "Fn::Cidr");
    if (!parts[i]) return std::nullopt;
  }
  const std::size_t slash = parts[0]->find('/');
  const auto base = ipv4(parts[0]->substr(0, slash));
  const bool numbers = parts[1]->find_first_not_of("0123456789") == std::string::npos &&
                       parts[2]->find_first_not_of("0123456789") == std::string::npos && !parts[1]->empty() &&
                       !parts[2]->empty() && parts[1]->size() < 4 && parts[2]->size() < 3;
  const int count = numbers ? std::stoi(*parts[1]) : 0;
  const int bits = numbers ? std::stoi(*parts[2]) : 0;
  if (!base || slash == std::string::npos || count < 1 || count > 256 || bits < 1 || bits > 31) {
    ev.fail(at, pointer, "Fn::Cidr takes an IPv4 block (a.b.c.d/n), a count (1-256) and the subnet's host bits (1-31)");
    return std::nullopt;
  }
  io::Node out = io::Node::array();
  for (int i = 0; i < count; ++i) {
    const uint32_t net = *base + (static_cast<uint32_t>(i) << bits);
    out.push(located(io::Node::string(std::to_string(net >> 24) + "." + std::to_string((net >> 16) & 255) + "." +
                                      std::to_string((net >> 8) & 255) + "." + std::to_string(net & 255) + "/" +
                                      std::to_string(32 - bits)),
                     at));
  }
  return located(std::move(out), at);
}

std::optional<io::Node> fn_length(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  std::optional<io::Node> list = list_of(ev, arg, at, pointer, "Fn::Length");
  if (!list) return std::nullopt;
  return located(io::Node::integer(static_cast<int64_t>(list->items().size())), at);
}

}  // namespace specconv::iac
