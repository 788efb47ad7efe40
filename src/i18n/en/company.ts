/** English messages `company.*`: company details (会社情報). */
export const company = {
  'company.slug_invalid':
    'A company URL must be 3–32 letters, digits or hyphens, starting and ending with a letter or digit.',
  'company.slug_taken': 'That URL is already taken. Please choose another.',
  'company.phone_invalid':
    '[E428] Please enter the phone number in digits and hyphens (10–15 digits, e.g. 03-1234-5678).',
  'company.logo_too_large': '[E429] The logo image must be {max} MB or smaller.',
  'company.find.prompt':
    'Find your company by part of its name or its URL (e.g. company Sound). If it is not there, you can register it.',
  'company.find.none': 'No company matches “{word}”.',
  'company.find.join_hint': 'If your company is listed, press “Join”.',
  'company.find.register_hint': 'If your company is not registered yet, press “Register a new company”.',
  'company.find.url': 'URL: {slug}',
  'company.button.join': 'Join',
  'company.button.register': 'Register a new company',
  'company.button.view': 'Details',
  'company.page.subtitle': 'Company #{id}',
  'company.page.yours': 'This is your company.',
  'company.page.join_hint': 'If you work for this company, press “Join”.',
  'company.field.logo': 'Logo',
  'company.field.url': 'URL',
  'company.field.name': 'Name',
  'company.field.introduction': 'Introduction',
  'company.field.address': 'Address',
  'company.field.phone': 'Phone',
  'company.field.email': 'E-mail',
  'company.not_set': 'Not set',
  'company.flow.logo':
    'If your company has a logo, send one image (PNG, JPEG, GIF or WebP, up to {max} MB). No logo? Press “Done”.',
  'company.flow.slug':
    'Choose the URL name of your company page: letters, digits and hyphens, 3–32 characters (e.g. sound-life). It cannot be changed later.',
  'company.flow.name': 'What is the company name? (e.g. Sound Life Inc.)',
  'company.flow.introduction':
    'Write a short introduction of the company (up to 2,000 characters), or press “Skip”.',
  'company.flow.address': 'What is the company address? (or press “Skip”)',
  'company.flow.phone': 'What is the contact phone number? (e.g. 03-1234-5678, or press “Skip”)',
  'company.flow.email': 'What is the contact e-mail address? (e.g. info@example.com)',
  'company.flow.logo_one': 'Please send only one logo image. Send the one you want to use again.',
} as const;
