// Example values written into the contract. They come from the API docs, or are fixed random values
// that no real server has issued. They are public examples, not secrets.
import type { Credentials } from '../client/token-client.ts';

/** The documented example client and user (token-api.md). */
export const DOCUMENTED_CREDENTIALS: Credentials = {
  clientId: '57f986e1-4588-4512-90ea-d264904df7b2',
  username: 'crm@fidilio.com',
  password: '12312312',
};

/** The documented example responses: the first pair, and the pair its refresh returned. */
export const DOCUMENTED_PAIR = {
  token:
    '2faafd13b0f64a388c57de929a8b6a54X5WC3JRlQrwgi36N2QsTyKBLiOJwcfiJNvfnUlUHMaHDUvcP6211ls2BFqj35UnCQ2kxltWBTul0dK2MNC5rBRWoJ9GGhIXfq4YLB57rloXwRci5QmSJK7EtZMjuFDC9nmQnwaoSGtL9r9A5P85vma508eaiYcJunNTJw0m0QkLJWEKOmiTUbm0I4vUbUro2GqsiX2d5vm58IRg6VO8LVZgC27UbYNcA',
  refreshToken:
    'd2261e5419784567b67b5f3bc4f3960aFlBu7lDlskBweSERxqD1U8rjHKEqkfZGYzY33HJ5jeANF1PQlF3eDLMOB76XOwEK3t9943GKD1VGKHUf9X4rH1mWZjJIUfs6LTTIbkP3qBz3m7Udm7InqNArvs2F9eXbeYiSAcF2AEapxqK35SBgqB6ZmIbHcUWkRKBJftoDEOUjR08CgDK7RUFoSn5k4qZOD6wxBBXOkpZKFUOAXX3Jahl5I7Yk50nP',
  expiresIn: 3600,
};
export const DOCUMENTED_REFRESHED_PAIR = {
  token:
    '856cf6fd223041c79ad22b11f26b2cb9OaP12ciaOL9JHEiS549gyqHfqbrWFB2w98jMbUKvGAW528ArixNaSi2q6H9K2SUZdgsJazSOEIw7qvcBXGUCkS3k1L8w6kWMlMclJt8Xk9Dnx5ZYeysCr1XNYqUbchGG1Oe3pySl1muemvnlYyATwDWNvn8S2uuIvzzfZKV5Ku9yPaygD20ccW2bUzvOakBwXZZB10TFTiJ9q4Ax8XKguLpvmOoqXNGa',
  refreshToken:
    'a5435b1e056947c2853a23adfffdfdb4x5tBaWG4n0n3xUlPqzeI0aHrr0xzmhd3YFrkgIBLjHXmNisUWB0vQryVnFHOE21LZPenwcWKumY1R9Iy4OY7CEJf6RYWECDQkOUciD1l2SLYx8D3TODXZ15LwXFhTbQKoSQFKs6MFg204x05gq93LyRztyFbE4tmwpVn0DP0nGt1bNqK0sHM6Iz3DkSfPxUnl9znOOLq3BFtA1HmmnCauDhaDFmYad4x',
  expiresIn: 3600,
};

/** Fixed random values: well-formed, and never issued or registered by anyone. */
export const UNKNOWN_CLIENT_ID = '0b6c3f52-7d1e-4a9b-8f27-3c5e9d6a1f04';
export const WRONG_PASSWORD = 'not-the-password-7Qm2';
export const UNSUPPORTED_GRANT_TYPE = 'urn:token-suite:unsupported-grant';
export const USED_REFRESH_TOKEN =
  '75d37b2be5cd4875bca4f2a221b37daa6CwjQuNboYA7Yz6G4TPRsyJPl44V7iTuYbrcKUwVJZjnAJkuIz4nK5sQBbp1ILR5IKeuJH85XR93VYf9zMGjLwkd6QNSBEiIU9ObrcEBBekIfLWgSowjMHVo5hValE3RjrPwvrqMxK2znL4Z3RhBGYEFGXOLOwJGtylsndxQR68OiX5em9jhOYmOexLtdlAGiqwINE6fi7Fz5tbW4NMR2eoqJ5ytGUuN';
export const UNKNOWN_REFRESH_TOKEN =
  '85662bcb436d4f3d861070ac61a90ef3Fsbcj7Cg90ungxHykJ3LzNnYZtHqCXw5tmmLdrTRiiNwwymMBqCdZaCHkfYvqRSbgY5Wl156of07X3NAlVDThB59RhBPIIMBdLqLEHDQcim5DTMvnpaAn60DqbWeOIVjdDDOtjaCJTdHB8KePmhcHMRlTBBZdBhrPRv6ldtMc2eHS6U6sXIFdSESlHBmvbJy08z0wsEzfO4ivx6yu2CCI5UQVYBWRm44';
