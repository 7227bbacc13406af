// Example values written into the contract. They come from the API docs, or are fixed random values
// that no real server has issued. They are public examples, not secrets.
export {
  DOCUMENTED_CREDENTIALS,
  DOCUMENTED_PAIR,
  DOCUMENTED_REFRESHED_PAIR,
  WRONG_PASSWORD,
} from '../schemas/documented-api.ts';

/** Fixed random values: well-formed, and never issued or registered by anyone. */
export const UNKNOWN_CLIENT_ID = '0b6c3f52-7d1e-4a9b-8f27-3c5e9d6a1f04';
export const UNSUPPORTED_GRANT_TYPE = 'urn:token-suite:unsupported-grant';
export const USED_REFRESH_TOKEN =
  '75d37b2be5cd4875bca4f2a221b37daa' +
  '6CwjQuNboYA7Yz6G4TPRsyJPl44V7iTuYbrcKUwVJZjnAJkuIz4nK5sQBbp1ILR5IKeuJH85XR93VYf9zMGjLwkd6QNSBEiIU9ObrcEBBekIfLWg' +
  'SowjMHVo5hValE3RjrPwvrqMxK2znL4Z3RhBGYEFGXOLOwJGtylsndxQR68OiX5em9jhOYmOexLtdlAGiqwINE6fi7Fz5tbW4NMR2eoqJ5ytGUuN';
export const UNKNOWN_REFRESH_TOKEN =
  '85662bcb436d4f3d861070ac61a90ef3' +
  'Fsbcj7Cg90ungxHykJ3LzNnYZtHqCXw5tmmLdrTRiiNwwymMBqCdZaCHkfYvqRSbgY5Wl156of07X3NAlVDThB59RhBPIIMBdLqLEHDQcim5DTMv' +
  'npaAn60DqbWeOIVjdDDOtjaCJTdHB8KePmhcHMRlTBBZdBhrPRv6ldtMc2eHS6U6sXIFdSESlHBmvbJy08z0wsEzfO4ivx6yu2CCI5UQVYBWRm44';
