/** The demo operator the e2e consoles name on their sign-in page, as `npm start` passes it. */
export const DEMO_OPERATOR_EMAIL = "demo-operator@e2e.test";
