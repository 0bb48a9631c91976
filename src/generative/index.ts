export { createOpenAiChatModel, ModelError, type ChatModel, type ModelRequest, type OpenAiSettings } from './chat-model.js';
export { createCircuitBreaker, type CircuitBreaker } from './circuit-breaker.js';
export { createGenerative, type Generative } from './generative.js';
export { answerInstructions } from './grounded-answer.js';
