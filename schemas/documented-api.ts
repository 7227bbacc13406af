// What docs/token-api.md states: the two paths, and its example values: the documented client and user (the
// default credentials of every part of the suite, and the reference server's default seed) and the documented
// responses. Public examples, not secrets. No Node imports: k6 bundles may use them.

/** The documented paths, appended to the server's origin (the Definition line's GET is an erratum: POST). */
export const PATHS = { token: '/v1/token', refresh: '/v1/refresh/token' } as const;

/**
 * Not from the docs: the one wrong password every layer sends (conformance checks, the contract's
 * wrong-password interaction). It differs from any real one and is easy to spot if a server echoes it.
 */
export const WRONG_PASSWORD = 'wrong-Pa55word-canary-7f3a';

export interface Credentials {
  clientId: string;
  username: string;
  password: string;
}

/** The documented example client and user (token-api.md). */
export const DOCUMENTED_CREDENTIALS: Credentials = {
  clientId: '57f986e1-4588-4512-90ea-d264904df7b2',
  username: 'crm@fidilio.com',
  password: '12312312',
};

/** The documented example responses: the first pair, and the pair its refresh returned. */
export const DOCUMENTED_PAIR = {
  token:
    '2faafd13b0f64a388c57de929a8b6a54' +
    'X5WC3JRlQrwgi36N2QsTyKBLiOJwcfiJNvfnUlUHMaHDUvcP6211ls2BFqj35UnCQ2kxltWBTul0dK2MNC5rBRWoJ9GGhIXfq4YLB57rloXwRci5' +
    'QmSJK7EtZMjuFDC9nmQnwaoSGtL9r9A5P85vma508eaiYcJunNTJw0m0QkLJWEKOmiTUbm0I4vUbUro2GqsiX2d5vm58IRg6VO8LVZgC27UbYNcA',
  refreshToken:
    'd2261e5419784567b67b5f3bc4f3960a' +
    'FlBu7lDlskBweSERxqD1U8rjHKEqkfZGYzY33HJ5jeANF1PQlF3eDLMOB76XOwEK3t9943GKD1VGKHUf9X4rH1mWZjJIUfs6LTTIbkP3qBz3m7Ud' +
    'm7InqNArvs2F9eXbeYiSAcF2AEapxqK35SBgqB6ZmIbHcUWkRKBJftoDEOUjR08CgDK7RUFoSn5k4qZOD6wxBBXOkpZKFUOAXX3Jahl5I7Yk50nP',
  expiresIn: 3600,
};
export const DOCUMENTED_REFRESHED_PAIR = {
  token:
    '856cf6fd223041c79ad22b11f26b2cb9' +
    'OaP12ciaOL9JHEiS549gyqHfqbrWFB2w98jMbUKvGAW528ArixNaSi2q6H9K2SUZdgsJazSOEIw7qvcBXGUCkS3k1L8w6kWMlMclJt8Xk9Dnx5ZY' +
    'eysCr1XNYqUbchGG1Oe3pySl1muemvnlYyATwDWNvn8S2uuIvzzfZKV5Ku9yPaygD20ccW2bUzvOakBwXZZB10TFTiJ9q4Ax8XKguLpvmOoqXNGa',
  refreshToken:
    'a5435b1e056947c2853a23adfffdfdb4' +
    'x5tBaWG4n0n3xUlPqzeI0aHrr0xzmhd3YFrkgIBLjHXmNisUWB0vQryVnFHOE21LZPenwcWKumY1R9Iy4OY7CEJf6RYWECDQkOUciD1l2SLYx8D3' +
    'TODXZ15LwXFhTbQKoSQFKs6MFg204x05gq93LyRztyFbE4tmwpVn0DP0nGt1bNqK0sHM6Iz3DkSfPxUnl9znOOLq3BFtA1HmmnCauDhaDFmYad4x',
  expiresIn: 3600,
};
