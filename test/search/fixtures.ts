/** A tiny hand-written corpus (not MedQuAD text) for engine tests that must not need ../shared. */
import type { Aspect } from '../../src/content/index.js';
import type { SearchDocument } from '../../src/search/index.js';

const origin = (documentId: string) => ({
  collection: 'medquad' as const,
  publisher: 'Example Publisher',
  documentId,
  pairId: '1',
});

function doc(
  condition: string,
  conditionName: string,
  synonyms: string[],
  aspect: Aspect,
  question: string,
  body: string,
  reviewed = false,
  slug: string = aspect,
): SearchDocument {
  return {
    answerId: `${condition}/${slug}`,
    condition,
    conditionName,
    synonyms,
    aspect,
    question,
    tldr: body.split('. ')[0]!,
    body,
    reviewed,
    origin: reviewed ? null : origin(`${condition}-${slug}`),
  };
}

const SA = ['caudal regression syndrome', 'sacral agenesis'];
export const FIXTURE_DOCS: SearchDocument[] = [
  doc(
    'sacral-agenesis',
    'Sacral agenesis',
    SA,
    'overview',
    'What is sacral agenesis?',
    'Sacral agenesis is a rare condition in which the lower spine does not form fully. It affects the bones of the lower back and the nerves of the legs, bladder and bowel.',
    true,
  ),
  doc(
    'sacral-agenesis',
    'Sacral agenesis',
    SA,
    'causes',
    'What causes sacral agenesis?',
    'Most cases have no known cause. Diabetes in the mother before pregnancy raises the chance that the lower spine of the baby does not form fully.',
    true,
  ),
  doc(
    'sacral-agenesis',
    'Sacral agenesis',
    SA,
    'treatment',
    'How is sacral agenesis treated?',
    'Treatment depends on the problems a child has. Surgery, physiotherapy and care of the bladder and bowel are common.',
    true,
  ),
  doc(
    'gout',
    'Gout',
    ['gouty arthritis'],
    'overview',
    'What is gout?',
    'Gout is a kind of arthritis that causes sudden attacks of pain, swelling and redness in a joint, often the big toe.',
  ),
  doc(
    'gout',
    'Gout',
    ['gouty arthritis'],
    'treatment',
    'What are the treatments for gout?',
    'Medicines ease the pain of an attack. Other medicines lower uric acid in the blood to prevent further attacks.',
  ),
  doc(
    'gout',
    'Gout',
    ['gouty arthritis'],
    'causes',
    'What causes gout?',
    'Gout happens when uric acid builds up in the blood and forms crystals in a joint.',
  ),
  doc(
    'fibromyalgia',
    'Fibromyalgia',
    ['FMS'],
    'overview',
    'What is fibromyalgia?',
    'Fibromyalgia causes long-lasting pain all over the body, tiredness and trouble sleeping.',
  ),
  doc(
    'fibromyalgia',
    'Fibromyalgia',
    ['FMS'],
    'treatment',
    'How is fibromyalgia treated?',
    'Exercise, sleep habits, talking therapy and some medicines can help the pain and tiredness of fibromyalgia.',
  ),
  doc(
    'hypertension',
    'High blood pressure',
    ['hypertension'],
    'treatment',
    'How is high blood pressure treated?',
    'Lifestyle changes and medicines lower blood pressure and the risk of stroke and heart disease.',
  ),
  doc(
    'hypertension',
    'High blood pressure',
    ['hypertension'],
    'symptoms',
    'What are the symptoms of high blood pressure?',
    'High blood pressure usually causes no symptoms, which is why it should be measured regularly.',
  ),
  doc(
    'huntington-disease',
    'Huntington disease',
    ["Huntington's chorea"],
    'inheritance',
    'Is Huntington disease inherited?',
    'Huntington disease is inherited in an autosomal dominant pattern: each child of a parent with the condition has a one in two chance of inheriting it.',
  ),
  // the same question twice, one reviewed here and one imported: the reviewed one must win a tie
  doc(
    'gout',
    'Gout',
    ['gouty arthritis'],
    'prevention',
    'How can gout be prevented?',
    'Drinking less alcohol, losing weight and some medicines lower the chance of gout attacks.',
    false,
    'prevention-imported',
  ),
  doc(
    'gout',
    'Gout',
    ['gouty arthritis'],
    'prevention',
    'How can gout be prevented?',
    'Drinking less alcohol, losing weight and some medicines lower the chance of gout attacks.',
    true,
    'prevention',
  ),
];
