import { questionTypeDefinition, type QuestionTypeRegistry } from '../template/questions/registry.js';
import type { Question } from '../template/types.js';

/** The `response_format` of an OpenAI structured-output request. */
export interface JsonSchemaFormat {
  type: 'json_schema';
  json_schema: { name: string; strict: true; schema: Record<string, unknown> };
}

/**
 * A JSON schema for the answer to `question`: brief reasoning first (models answer better when they may reason),
 * then the answer, constrained as its type's definition says (options, yes/no, scale values, a number). A type
 * without a schema (free text: prose for the judge) gets none.
 */
export function answerFormat(question: Question, questionTypes: QuestionTypeRegistry): JsonSchemaFormat | undefined {
  const answer = questionTypeDefinition(questionTypes, question).answerFormat.schema?.(question);
  if (!answer) return undefined;
  return {
    type: 'json_schema',
    json_schema: {
      name: 'clinical_answer',
      strict: true,
      schema: {
        type: 'object',
        properties: { reasoning: { type: 'string' }, answer },
        required: ['reasoning', 'answer'],
        additionalProperties: false,
      },
    },
  };
}
