// What each format asks for, in words, with an example a person can copy.
const FORMAT_WORDS: Readonly<Record<string, string>> = {
  hostname: 'a host name such as db.example.com',
  email: 'an email address such as ops@example.com',
  uri: 'a URL such as https://example.com/path',
  'uri-reference': 'a URL or a path such as /path',
  url: 'a URL such as https://example.com/path',
  uuid: 'a UUID such as 123e4567-e89b-12d3-a456-426614174000',
  ipv4: 'an IPv4 address such as 192.0.2.10',
  ipv6: 'an IPv6 address such as 2001:db8::10',
  'date-time': 'a date and time such as 2025-06-13T11:33:47Z',
  date: 'a date such as 2025-06-13',
  time: 'a time of day such as 11:33:47Z',
  duration: 'a duration such as PT30S',
};

/** A JSON Schema format said to a person: `email` → "an email address such as ops@example.com". */
export function describeFormat(format: string): string {
  return Object.hasOwn(FORMAT_WORDS, format) ? FORMAT_WORDS[format]! : `a valid ${format}`;
}
